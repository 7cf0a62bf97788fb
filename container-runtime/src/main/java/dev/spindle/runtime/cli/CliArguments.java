package dev.spindle.runtime.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line of {@code bin/run}. Options before the jar belong to Spindle, everything
 * after it to the program. Options that are settings (memory sizes, slots, names) become
 * configuration entries so that targets read them like any other setting. {@code target} is null
 * when {@code -m} was not given (the CLI then picks a running session or the embedded cluster).
 */
record CliArguments(Action action, String mainClass, Integer parallelism, Map<String, String> dynamicProperties,
                    boolean verbose, String target, boolean detached, String statusFile, boolean keepOnExit,
                    String jarPath, List<String> programArgs, String jobIdToCancel) {

    /** What the invocation does. */
    enum Action { RUN, LIST, CANCEL, HELP }

    static final String USAGE = String.join("\n",
            "Usage: bin/run [options] job.jar [program arguments]",
            "       bin/run [-m TARGET] [-yid APPLICATION_ID] --list | --cancel JOB_ID",
            "Options:",
            "  -c, --class CLASS        main class of the job (default: the jar's Main-Class)",
            "  -p, --parallelism N      default parallelism of the job's operators",
            "  -D key=value             set a configuration option (repeatable)",
            "  -m, --target TARGET      where to run: local (an embedded cluster), yarn-cluster (a YARN application",
            "                           for this job) or yarn-session; default: the running YARN session recorded",
            "                           by bin/yarn-session if there is one, else local",
            "  -yid, --yarnapplicationId ID   submit to (list, cancel in) this YARN session",
            "  --list                   list the jobs of the session",
            "  --cancel JOB_ID          cancel a job of the session",
            "  -d, --detached           return once the job runs (yarn-cluster)",
            "  -tm, --taskmanager-memory MB   memory of each TaskManager container (yarn-cluster)",
            "  -jm, --jobmanager-memory MB    memory of the ApplicationMaster container (yarn-cluster)",
            "  -s, --slots N            slots per TaskManager",
            "  -nm, --name NAME         YARN application name",
            "  -qu, --queue QUEUE       YARN queue",
            "  --status-file FILE       write the final state as Java properties when done",
            "  --keep-on-exit           do not kill the YARN application when this client is interrupted",
            "  -v, --verbose            print full stack traces on errors",
            "  -h, --help               print this help",
            "Exit codes: 0 succeeded, 1 job failed or cancelled, 2 usage or configuration error, 3 deployment failed");

    /** Mutable state of one parse. */
    private static final class Builder {
        String mainClass;
        Integer parallelism;
        Map<String, String> props = new LinkedHashMap<>();
        boolean verbose;
        String target;
        Action action = Action.RUN;
        String jobIdToCancel;
        boolean detached;
        String statusFile;
        boolean keepOnExit;

        CliArguments build(String jarPath, List<String> programArgs) {
            return new CliArguments(action, mainClass, parallelism, props, verbose, target, detached, statusFile,
                    keepOnExit, jarPath, programArgs, jobIdToCancel);
        }
    }

    static CliArguments parse(String[] args) {
        Builder b = new Builder();
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            if (a.equals("-h") || a.equals("--help")) {
                b.action = Action.HELP;
                return b.build(null, List.of());
            }
            i = option(args, i, b);
        }
        if (b.action != Action.RUN) {
            if (i < args.length) {
                throw new UsageException("Unexpected argument '" + args[i] + "' after --" + b.action.name().toLowerCase());
            }
            return b.build(null, List.of());
        }
        if (i >= args.length) {
            throw new UsageException("No job jar given");
        }
        return b.build(args[i], new ArrayList<>(List.of(args).subList(i + 1, args.length)));
    }

    /** Reads the option at {@code i}; returns the index of its last token. */
    private static int option(String[] args, int i, Builder b) {
        String a = args[i];
        switch (a) {
            case "-c", "--class" -> b.mainClass = value(args, ++i, a);
            case "-p", "--parallelism" -> b.parallelism = positive(value(args, ++i, a), "Parallelism");
            case "-v", "--verbose" -> b.verbose = true;
            case "-D" -> addProperty(b.props, value(args, ++i, a));
            case "-m", "--target" -> b.target = value(args, ++i, a);
            case "-d", "--detached" -> b.detached = true;
            case "-tm", "--taskmanager-memory" ->
                    b.props.put("taskmanager.memory.process.size", positive(value(args, ++i, a), "Memory") + "m");
            case "-jm", "--jobmanager-memory" ->
                    b.props.put("jobmanager.memory.process.size", positive(value(args, ++i, a), "Memory") + "m");
            case "-s", "--slots" ->
                    b.props.put("taskmanager.numberOfTaskSlots", positive(value(args, ++i, a), "Slots").toString());
            case "-nm", "--name" -> b.props.put("yarn.application.name", value(args, ++i, a));
            case "-qu", "--queue" -> b.props.put("yarn.application.queue", value(args, ++i, a));
            case "--status-file" -> b.statusFile = value(args, ++i, a);
            case "--keep-on-exit" -> b.keepOnExit = true;
            case "-yid", "--yarnapplicationId" -> b.props.put("yarn.application.id", value(args, ++i, a));
            case "--list" -> b.action = Action.LIST;
            case "--cancel" -> {
                b.action = Action.CANCEL;
                b.jobIdToCancel = value(args, ++i, a);
            }
            default -> {
                if (a.startsWith("-D") && a.length() > 2) {
                    addProperty(b.props, a.substring(2));
                } else {
                    throw new UsageException("Unknown option " + a);
                }
            }
        }
        return i;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException("Option " + option + " needs a value");
        }
        return args[i];
    }

    private static Integer positive(String s, String what) {
        try {
            int p = Integer.parseInt(s);
            if (p < 1) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException(what + " must be a positive integer, got '" + s + "'");
        }
    }

    private static void addProperty(Map<String, String> props, String kv) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("Expected -D key=value, got '" + kv + "'");
        }
        props.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
    }

    /** A mistake on the command line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
