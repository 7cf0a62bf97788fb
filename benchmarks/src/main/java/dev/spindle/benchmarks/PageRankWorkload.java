package dev.spindle.benchmarks;

import dev.spindle.examples.graph.PageRank;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code pagerank}: the PageRank example ({@value #ITERATIONS} iterations) at the chosen parallelism
 * on a generated power-law graph ({@link GraphDataset}, by default 1M vertices and 10M edges), beside
 * the single-threaded {@link HandWrittenPageRank}; Spindle's ranks must equal the hand-written ones
 * within {@link GraphOutputVerifier#RANK_TOLERANCE} (see there why not as strings). Both run in this
 * JVM, and both times include reading the edges and writing the ranks.
 *
 * <p>Outputs: {@code <data-dir>/pagerank-out-<graph>/hand-written} (a file) and {@code .../run-<r>}
 * (Spindle's directory, deleted before each run so that stale part files cannot pass the check).
 */
final class PageRankWorkload implements Workload {

    static final int ITERATIONS = 10;

    @Override
    public String name() {
        return "pagerank";
    }

    @Override
    public String description() {
        return "PageRank, " + ITERATIONS + " iterations, on a generated power-law graph (--vertices, --edges): "
                + "Spindle vs hand-written single-threaded Java";
    }

    @Override
    public void run(BenchmarkOptions options, PrintStream out) throws Exception {
        GraphSize size = options.graph().orElse(GraphDataset.PAGERANK_SIZE);
        Path edges = GraphDataset.ensurePowerLaw(options, size, out).resolve(GraphDataset.EDGES);
        Path outputRoot = options.dataDir().resolve("pagerank-out-" + edges.getParent().getFileName());
        Files.createDirectories(outputRoot);
        String parallelism = String.valueOf(options.parallelism());
        MeasurementTable table = HeadToHeadRuns.run(options, out, name(), outputRoot,
                () -> {
                    HandWrittenPageRank.Result result = HandWrittenPageRank.run(edges, ITERATIONS);
                    HandWrittenPageRank.write(result, outputRoot.resolve("hand-written"));
                    return result;
                },
                result -> String.format(Locale.ROOT, "%,d vertices", result.vertices().length),
                output -> PageRank.main(new String[] {"--edges", edges.toString(), "--output", output.toString(),
                    "--iterations", String.valueOf(ITERATIONS), "--parallelism", parallelism}),
                (expected, output) -> {
                    GraphOutputVerifier.RankCheck check = GraphOutputVerifier.verifyRanks(expected, output);
                    return String.format(Locale.ROOT, "verified: %,d ranks within %.0e of the hand-written ones "
                            + "(largest difference %.1e; %,d written differently in the last decimal)",
                            check.vertices(), GraphOutputVerifier.RANK_TOLERANCE, check.maxDifference(),
                            check.differentStrings());
                });
        table.print(out, String.format(Locale.ROOT, "vertices=%,d  edges=%,d  iterations=%d", size.vertices(),
                size.edges(), ITERATIONS), options.parallelism());
    }
}
