package dev.spindle.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds or creates the generated inputs of the graph workloads, once per kind, size and seed:
 * {@code <data-dir>/pagerank-graph-<V>-<E>[-seed<S>]/edges} ({@link GraphGenerator#writePowerLaw}) and
 * {@code <data-dir>/cc-graph-<V>-<E>[-seed<S>]/vertices} and {@code .../edges}
 * ({@link GraphGenerator#writeRandomUndirected}). A directory is complete only once its
 * {@code _COMPLETE} marker exists (written last); one without it is left over from an interrupted
 * run, and is deleted and written again.
 */
final class GraphDataset {

    /** The PageRank benchmark's graph unless {@code --vertices}/{@code --edges} say otherwise. */
    static final GraphSize PAGERANK_SIZE = new GraphSize(1_000_000, 10_000_000);
    /** The Connected Components benchmark's graph unless {@code --vertices}/{@code --edges} say otherwise. */
    static final GraphSize COMPONENTS_SIZE = new GraphSize(1_000_000, 5_000_000);

    static final String EDGES = "edges";
    static final String VERTICES = "vertices";
    private static final String COMPLETE = "_COMPLETE";

    /** Writes a graph's files into an existing, empty directory. */
    @FunctionalInterface
    private interface Generation {
        void write(Path dir) throws IOException;
    }

    private GraphDataset() {
    }

    /** The directory holding {@value #EDGES} of the power-law graph for these options and size. */
    static Path ensurePowerLaw(BenchmarkOptions options, GraphSize size, PrintStream out) throws IOException {
        Path dir = options.dataDir().resolve("pagerank-graph-" + size.token() + options.seedSuffix());
        return ensure(dir, "power-law directed graph", size, out,
                d -> GraphGenerator.writePowerLaw(size, options.seed(), d.resolve(EDGES)));
    }

    /** The directory holding {@value #VERTICES} and {@value #EDGES} of the random undirected graph. */
    static Path ensureRandomUndirected(BenchmarkOptions options, GraphSize size, PrintStream out) throws IOException {
        Path dir = options.dataDir().resolve("cc-graph-" + size.token() + options.seedSuffix());
        return ensure(dir, "random undirected graph", size, out,
                d -> GraphGenerator.writeRandomUndirected(size, options.seed(), d.resolve(VERTICES), d.resolve(EDGES)));
    }

    private static Path ensure(Path dir, String what, GraphSize size, PrintStream out, Generation generation)
            throws IOException {
        if (Files.exists(dir.resolve(COMPLETE))) {
            out.printf("using existing %s (%s)%n", dir, ByteSize.format(bytes(dir)));
            return dir;
        }
        BenchmarkFiles.deleteRecursively(dir);
        Files.createDirectories(dir);
        out.printf(Locale.ROOT, "generating %s: %s, %,d vertices, %,d edges ...%n", dir, what, size.vertices(),
                size.edges());
        long started = System.nanoTime();
        generation.write(dir);
        Files.createFile(dir.resolve(COMPLETE));
        out.printf(Locale.ROOT, "generated %s in %.2f s%n", ByteSize.format(bytes(dir)), Timing.secondsSince(started));
        return dir;
    }

    private static long bytes(Path dir) throws IOException {
        long bytes = 0;
        for (Path file : BenchmarkFiles.parts(dir)) {
            bytes += Files.size(file);
        }
        return bytes;
    }
}
