package dev.spindle.benchmarks;

import dev.spindle.examples.wordcount.WordCount;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code wordcount}: the hand-written two-thread count against Spindle's WordCount example on the same
 * generated file, run in this JVM. Each run times both, then checks Spindle's output against the
 * hand-written counts and fails if they differ.
 *
 * <p>Spindle writes run {@code r} to {@code <data-dir>/wordcount-out-<input>/run-<r>}; that directory
 * is deleted before the run so stale part files cannot leak into the verification.
 */
final class WordCountWorkload implements Workload {

    private record Measurement(int run, long lines, double handWrittenSeconds, double spindleSeconds) {
        double ratio() {
            return spindleSeconds / handWrittenSeconds;
        }
    }

    @Override
    public String name() {
        return "wordcount";
    }

    @Override
    public String description() {
        return "hand-written " + HandWrittenWordCount.DEFAULT_THREADS
                + "-thread Java word count vs Spindle's WordCount example on a Zipf text file";
    }

    @Override
    public void run(BenchmarkOptions options, PrintStream out) throws Exception {
        Path input = ZipfDataset.ensure(options, out);
        long inputBytes = Files.size(input);
        String inputName = input.getFileName().toString().replaceFirst("\\.txt$", "");
        Path outputRoot = options.dataDir().resolve("wordcount-out-" + inputName);
        List<Measurement> measurements = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            measurements.add(measure(run, input, outputRoot.resolve("run-" + run), options, out));
        }
        out.println();
        for (Measurement m : measurements) {
            out.println(row(m, inputBytes, options));
        }
        if (measurements.size() > 1) {
            Measurement best = new Measurement(0, measurements.get(0).lines(),
                    measurements.stream().mapToDouble(Measurement::handWrittenSeconds).min().orElseThrow(),
                    measurements.stream().mapToDouble(Measurement::spindleSeconds).min().orElseThrow());
            out.println(row(best, inputBytes, options));
        }
    }

    private Measurement measure(int run, Path input, Path outputDir, BenchmarkOptions options, PrintStream out)
            throws Exception {
        int threads = HandWrittenWordCount.DEFAULT_THREADS;
        Timing.settle();
        long started = System.nanoTime();
        HandWrittenWordCount.Result expected = HandWrittenWordCount.run(input, threads);
        double handWritten = Timing.secondsSince(started);
        out.printf(Locale.ROOT, "run %d: hand-written(%d threads) %.2f s: %,d lines, %,d words, %,d distinct%n",
                run, threads, handWritten, expected.lines(), expected.tokens(), expected.counts().size());

        BenchmarkFiles.deleteRecursively(outputDir);
        Files.createDirectories(outputDir.getParent());
        Timing.settle();
        started = System.nanoTime();
        WordCount.main(new String[] {
            "--input", input.toString(),
            "--output", outputDir.toString(),
            "--parallelism", String.valueOf(options.parallelism())
        });
        double spindle = Timing.secondsSince(started);
        out.printf(Locale.ROOT, "run %d: spindle(p=%d) %.2f s -> %s%n", run, options.parallelism(), spindle, outputDir);

        WordCountOutputVerifier.verify(expected.counts(), WordCountOutputVerifier.read(outputDir));
        out.printf(Locale.ROOT, "verified: %,d distinct words%n", expected.counts().size());
        return new Measurement(run, expected.lines(), handWritten, spindle);
    }

    private static String row(Measurement m, long inputBytes, BenchmarkOptions options) {
        String label = m.run() == 0 ? "best" : "run " + m.run();
        return String.format(Locale.ROOT,
                "wordcount  %-6s  size=%s  lines=%,d  hand-written(%d threads)=%.2f s  spindle(p=%d)=%.2f s  ratio=%.2fx",
                label, ByteSize.format(inputBytes), m.lines(), HandWrittenWordCount.DEFAULT_THREADS,
                m.handWrittenSeconds(), options.parallelism(), m.spindleSeconds(), m.ratio());
    }
}
