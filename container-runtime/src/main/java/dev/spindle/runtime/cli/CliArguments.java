package dev.spindle.runtime.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line of {@code bin/run}:
 * {@code [-c MainClass] [-p parallelism] [-D key=value]... [-v] job.jar [program args]}.
 * Everything after the jar belongs to the program.
 */
record CliArguments(String mainClass, Integer parallelism, Map<String, String> dynamicProperties, boolean verbose,
                    boolean help, String jarPath, List<String> programArgs) {

    static final String USAGE = String.join("\n",
            "Usage: bin/run [options] job.jar [program arguments]",
            "Options:",
            "  -c, --class CLASS        main class of the job (default: the jar's Main-Class)",
            "  -p, --parallelism N      default parallelism of the job's operators",
            "  -D key=value             set a configuration option (repeatable)",
            "  -v, --verbose            print full stack traces on errors",
            "  -h, --help               print this help");

    static CliArguments parse(String[] args) {
        String mainClass = null;
        Integer parallelism = null;
        Map<String, String> props = new LinkedHashMap<>();
        boolean verbose = false;
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            switch (a) {
                case "-c", "--class" -> mainClass = value(args, ++i, a);
                case "-p", "--parallelism" -> parallelism = parallelism(value(args, ++i, a));
                case "-v", "--verbose" -> verbose = true;
                case "-h", "--help" -> {
                    return new CliArguments(null, null, props, verbose, true, null, List.of());
                }
                case "-D" -> addProperty(props, value(args, ++i, a));
                default -> {
                    if (a.startsWith("-D") && a.length() > 2) {
                        addProperty(props, a.substring(2));
                    } else {
                        throw new UsageException("Unknown option " + a);
                    }
                }
            }
        }
        if (i >= args.length) {
            throw new UsageException("No job jar given");
        }
        List<String> programArgs = new ArrayList<>(List.of(args).subList(i + 1, args.length));
        return new CliArguments(mainClass, parallelism, props, verbose, false, args[i], programArgs);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException("Option " + option + " needs a value");
        }
        return args[i];
    }

    private static Integer parallelism(String s) {
        try {
            int p = Integer.parseInt(s);
            if (p < 1) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException("Parallelism must be a positive integer, got '" + s + "'");
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
