package dev.spindle.yarn.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parsed command line of {@code bin/yarn-session}. Settings (memory, slots, the warm minimum,
 * name, queue, -D) become configuration entries.
 */
record YarnSessionArguments(Action action, Map<String, String> settings, boolean detached, boolean verbose) {

    /** What the invocation does. */
    enum Action { START, STOP, HELP }

    static final String USAGE = String.join("\n",
            "Usage: bin/yarn-session [options]            start a Spindle session on YARN",
            "       bin/yarn-session --stop [-yid ID]      stop the session",
            "Options:",
            "  -tm, --taskmanager-memory MB   memory of each TaskManager container",
            "  -jm, --jobmanager-memory MB    memory of the ApplicationMaster (JobManager) container",
            "  -s, --slots N            slots per TaskManager",
            "  -n, --taskmanagers N     TaskManagers to start right away and keep warm when idle (default 0:",
            "                           TaskManagers come when jobs need them and go after the idle timeout)",
            "  -nm, --name NAME         YARN application name",
            "  -qu, --queue QUEUE       YARN queue",
            "  -d, --detached           return once the session runs (default: stay and stop it on Ctrl-C)",
            "  -D key=value             set a configuration option (repeatable)",
            "  -yid, --yarnapplicationId ID   the session to stop (default: the recorded one)",
            "  -v, --verbose            print full stack traces on errors",
            "  -h, --help               print this help",
            "The running session is recorded in ~/.spindle/yarn-session.properties (setting",
            "yarn.session.properties-file); bin/run submits to it, bin/run --list / --cancel JOB_ID manage it.",
            "Exit codes: 0 ok, 1 the session failed, 2 usage or configuration error, 3 deployment failed");

    static YarnSessionArguments parse(String[] args) {
        Map<String, String> settings = new LinkedHashMap<>();
        Action action = Action.START;
        boolean detached = false;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> action = Action.HELP;
                case "--stop" -> action = Action.STOP;
                case "-d", "--detached" -> detached = true;
                case "-v", "--verbose" -> verbose = true;
                case "-tm", "--taskmanager-memory" ->
                        settings.put("taskmanager.memory.process.size", positive(value(args, ++i, a), a) + "m");
                case "-jm", "--jobmanager-memory" ->
                        settings.put("jobmanager.memory.process.size", positive(value(args, ++i, a), a) + "m");
                case "-s", "--slots" -> settings.put("taskmanager.numberOfTaskSlots", positive(value(args, ++i, a), a));
                case "-n", "--taskmanagers" ->
                        settings.put("resourcemanager.taskmanager.min-count", nonNegative(value(args, ++i, a), a));
                case "-nm", "--name" -> settings.put("yarn.application.name", value(args, ++i, a));
                case "-qu", "--queue" -> settings.put("yarn.application.queue", value(args, ++i, a));
                case "-yid", "--yarnapplicationId" -> settings.put("yarn.application.id", value(args, ++i, a));
                case "-D" -> property(settings, value(args, ++i, a));
                default -> {
                    if (a.startsWith("-D") && a.length() > 2) {
                        property(settings, a.substring(2));
                    } else {
                        throw new IllegalArgumentException("Unknown option " + a);
                    }
                }
            }
        }
        return new YarnSessionArguments(action, settings, detached, verbose);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Option " + option + " needs a value");
        }
        return args[i];
    }

    private static String positive(String s, String option) {
        String n = nonNegative(s, option);
        if (Integer.parseInt(n) == 0) {
            throw new IllegalArgumentException(option + " must be a positive integer, got '" + s + "'");
        }
        return n;
    }

    private static String nonNegative(String s, String option) {
        try {
            int n = Integer.parseInt(s);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Integer.toString(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a non-negative integer, got '" + s + "'");
        }
    }

    private static void property(Map<String, String> settings, String kv) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("Expected -D key=value, got '" + kv + "'");
        }
        settings.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
    }
}
