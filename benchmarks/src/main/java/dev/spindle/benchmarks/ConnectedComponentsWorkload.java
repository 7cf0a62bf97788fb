package dev.spindle.benchmarks;

import dev.spindle.examples.graph.ConnectedComponents;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code cc}: the Connected Components example (a delta iteration, run until no component id changes)
 * at the chosen parallelism on a generated random undirected graph ({@link GraphDataset}, by default
 * 1M vertices and 5M edges: nearly all vertices form one giant component), beside the single-threaded
 * union-find {@link HandWrittenConnectedComponents}; the component ids must be equal. Both run in this
 * JVM, and both times include reading the inputs and writing the result.
 *
 * <p>Outputs: {@code <data-dir>/cc-out-<graph>/hand-written} (a file) and {@code .../run-<r>}
 * (Spindle's directory, deleted before each run so that stale part files cannot pass the check).
 */
final class ConnectedComponentsWorkload implements Workload {

    @Override
    public String name() {
        return "cc";
    }

    @Override
    public String description() {
        return "Connected Components on a generated random undirected graph (--vertices, --edges): "
                + "Spindle vs hand-written single-threaded Java";
    }

    @Override
    public void run(BenchmarkOptions options, PrintStream out) throws Exception {
        GraphSize size = options.graph().orElse(GraphDataset.COMPONENTS_SIZE);
        Path graph = GraphDataset.ensureRandomUndirected(options, size, out);
        Path vertices = graph.resolve(GraphDataset.VERTICES);
        Path edges = graph.resolve(GraphDataset.EDGES);
        Path outputRoot = options.dataDir().resolve("cc-out-" + graph.getFileName());
        Files.createDirectories(outputRoot);
        String parallelism = String.valueOf(options.parallelism());
        MeasurementTable table = HeadToHeadRuns.run(options, out, name(), outputRoot,
                () -> {
                    HandWrittenConnectedComponents.Result result = HandWrittenConnectedComponents.run(vertices, edges);
                    HandWrittenConnectedComponents.write(result, outputRoot.resolve("hand-written"));
                    return result;
                },
                result -> String.format(Locale.ROOT, "%,d vertices", result.vertices().length),
                output -> ConnectedComponents.main(new String[] {"--vertices", vertices.toString(), "--edges",
                    edges.toString(), "--output", output.toString(), "--parallelism", parallelism}),
                (expected, output) -> {
                    GraphOutputVerifier.ComponentCheck check = GraphOutputVerifier.verifyComponents(expected, output);
                    return String.format(Locale.ROOT, "verified: %,d vertices in %,d components, the largest of %,d "
                            + "vertices", check.vertices(), check.components(), check.largestComponent());
                });
        table.print(out, String.format(Locale.ROOT, "vertices=%,d  edges=%,d", size.vertices(), size.edges()),
                options.parallelism());
    }
}
