package dev.spindle.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * The runs of a workload that compares a hand-written program with a Spindle job on the same data:
 * each run times the hand-written program, then the job (its output directory deleted first, so that
 * stale part files cannot pass the check), checks the job's output against the hand-written result,
 * and adds both times to the table.
 */
final class HeadToHeadRuns {

    /** The hand-written program; returns its result, which the check compares with Spindle's output. */
    interface HandWritten<R> {
        R run() throws Exception;
    }

    /** The Spindle job, writing to {@code output}. */
    interface SpindleJob {
        void run(Path output) throws Exception;
    }

    /** Verifies Spindle's output against the hand-written result; returns a line to print. */
    interface Check<R> {
        String verify(R expected, Path output) throws Exception;
    }

    private HeadToHeadRuns() {
    }

    /**
     * {@code options.runs()} runs; {@code describe} says what the hand-written result holds, Spindle
     * writes to {@code outputRoot/run-<r>}.
     */
    static <R> MeasurementTable run(BenchmarkOptions options, PrintStream out, String name, Path outputRoot,
                                    HandWritten<R> handWritten, Function<R, String> describe,
                                    SpindleJob job, Check<R> check) throws Exception {
        MeasurementTable table = new MeasurementTable(name);
        for (int run = 1; run <= options.runs(); run++) {
            Timing.settle();
            long started = System.nanoTime();
            R expected = handWritten.run();
            double handWrittenSeconds = Timing.secondsSince(started);
            out.printf(Locale.ROOT, "run %d: hand-written(1 thread) %.2f s: %s%n", run, handWrittenSeconds,
                    describe.apply(expected));

            Path output = outputRoot.resolve("run-" + run);
            BenchmarkFiles.deleteRecursively(output);
            Timing.settle();
            started = System.nanoTime();
            job.run(output);
            double spindleSeconds = Timing.secondsSince(started);
            out.printf(Locale.ROOT, "run %d: spindle(p=%d) %.2f s -> %s%n", run, options.parallelism(), spindleSeconds,
                    output);
            out.println(check.verify(expected, output));
            table.add(handWrittenSeconds, spindleSeconds);
        }
        return table;
    }
}
