package dev.spindle.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line entry point: {@code Benchmarks <workload> [options]}. Each workload is a {@link Workload}
 * registered in {@link #WORKLOADS}; add new ones there.
 *
 * <p>Exit codes: 0 success, 1 the workload failed (including a verification mismatch), 2 bad usage.
 */
public final class Benchmarks {

    static final List<Workload> WORKLOADS = List.of(new WordCountWorkload(), new EtlWorkload(), new PageRankWorkload(),
            new ConnectedComponentsWorkload(), new GenerateWorkload(), new YarnDeployWorkload());

    private Benchmarks() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code; never exits the JVM. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Workload> workloads = new LinkedHashMap<>();
        WORKLOADS.forEach(w -> workloads.put(w.name(), w));
        if (args.length == 0 || List.of("--help", "-h", "help").contains(args[0])) {
            (args.length == 0 ? err : out).print(usage());
            return args.length == 0 ? 2 : 0;
        }
        Workload workload = workloads.get(args[0]);
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (workload == null || Arrays.asList(rest).contains("--help")) {
            if (workload == null) {
                err.println("Unknown workload: " + args[0]);
            }
            (workload == null ? err : out).print(usage());
            return workload == null ? 2 : 0;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(rest);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(usage());
            return 2;
        }
        try {
            workload.run(options, out);
            return 0;
        } catch (Exception e) {
            err.println("Benchmark '" + workload.name() + "' FAILED: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    static String usage() {
        StringBuilder s = new StringBuilder();
        s.append("Usage: Benchmarks <workload> [options]\n");
        s.append("       Benchmarks --help\n\nWorkloads:\n");
        for (Workload w : WORKLOADS) {
            s.append(String.format("  %-12s %s%n", w.name(), w.description()));
        }
        s.append("\nOptions:\n").append(BenchmarkOptions.USAGE).append('\n');
        s.append("\nExample: Benchmarks wordcount --size 1g --data-dir ./benchmark-data --parallelism 2 --runs 1\n");
        return s.toString();
    }
}
