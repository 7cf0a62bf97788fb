package dev.spindle.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The timings of a workload that runs a hand-written single-threaded program beside a Spindle job:
 * collected run by run, then printed as one row per run and, after several runs, a best-against-best
 * row. Not thread-safe: the workload's thread only.
 */
final class MeasurementTable {

    private record Measurement(double handWrittenSeconds, double spindleSeconds) {
    }

    private final String workload;
    private final List<Measurement> runs = new ArrayList<>();

    MeasurementTable(String workload) {
        this.workload = workload;
    }

    void add(double handWrittenSeconds, double spindleSeconds) {
        runs.add(new Measurement(handWrittenSeconds, spindleSeconds));
    }

    /** Prints the rows; {@code data} describes the input, e.g. {@code vertices=1,000,000  edges=5,000,000}. */
    void print(PrintStream out, String data, int parallelism) {
        out.println();
        for (int i = 0; i < runs.size(); i++) {
            out.println(row("run " + (i + 1), data, runs.get(i), parallelism));
        }
        if (runs.size() > 1) {
            Measurement best = new Measurement(
                    runs.stream().mapToDouble(Measurement::handWrittenSeconds).min().orElseThrow(),
                    runs.stream().mapToDouble(Measurement::spindleSeconds).min().orElseThrow());
            out.println(row("best", data, best, parallelism));
        }
    }

    private String row(String label, String data, Measurement m, int parallelism) {
        return String.format(Locale.ROOT, "%s  %-6s  %s  hand-written(1 thread)=%.2f s  spindle(p=%d)=%.2f s  ratio=%.2fx",
                workload, label, data, m.handWrittenSeconds(), parallelism, m.spindleSeconds(),
                m.spindleSeconds() / m.handWrittenSeconds());
    }
}
