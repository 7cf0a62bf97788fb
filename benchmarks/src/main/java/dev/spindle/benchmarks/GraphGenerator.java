package dev.spindle.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes the inputs of the graph workloads, deterministically from a seed, in one thread with a
 * {@link LongLineWriter} (10M edges take a few seconds):
 * <ul>
 *   <li>{@link #writePowerLaw}, for PageRank: a directed graph on the vertices {@code 0..V-1} with
 *       exactly E edges as {@code src<TAB>dst} lines, grouped by source in id order. Every vertex has
 *       at least one out-edge; there are no self-loops and no duplicate edges. Out-degrees are 1 plus
 *       a share of the other E-V edges drawn Zipf-like (exponent {@value #OUT_DEGREE_EXPONENT}, capped
 *       at (V-1)/2); targets are drawn Zipf-like (exponent {@value #IN_DEGREE_EXPONENT}), so a few
 *       vertices receive a large part of all edges. Which vertices are the hubs is a seeded random
 *       permutation, chosen independently for out- and in-degrees.</li>
 *   <li>{@link #writeRandomUndirected}, for Connected Components: the vertex ids {@code 0..V-1} one
 *       per line, and E edges {@code u<TAB>v} with {@code u != v} drawn uniformly. The same pair may
 *       occur more than once (either way round); that changes nothing for components.</li>
 * </ul>
 * Stateless. {@link #main} writes a graph where the workloads would find it, e.g. to run other systems
 * on the same data.
 */
final class GraphGenerator {

    static final double OUT_DEGREE_EXPONENT = 0.5;
    static final double IN_DEGREE_EXPONENT = 1.0;

    /**
     * How many skewed draws a source may make per out-edge before drawing the rest uniformly; only
     * sources whose out-degree is a large part of a small graph ever need that.
     */
    private static final int SKEWED_DRAWS_PER_EDGE = 32;

    private GraphGenerator() {
    }

    /**
     * {@code GraphGenerator pagerank|cc [--vertices N] [--edges M] [--seed S] [--data-dir DIR]}: writes the
     * graph the workload of that name uses, under the same directory, unless it is already there.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0 || !(args[0].equals("pagerank") || args[0].equals("cc"))) {
            System.err.println("Usage: GraphGenerator pagerank|cc [--vertices N] [--edges M] [--seed S] [--data-dir DIR]");
            System.exit(2);
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (args[0].equals("pagerank")) {
            GraphDataset.ensurePowerLaw(options, options.graph().orElse(GraphDataset.PAGERANK_SIZE), System.out);
        } else {
            GraphDataset.ensureRandomUndirected(options, options.graph().orElse(GraphDataset.COMPONENTS_SIZE), System.out);
        }
    }

    /** The largest out-degree {@link #writePowerLaw} gives a vertex of a graph with {@code vertices} vertices. */
    static int maxOutDegree(int vertices) {
        return Math.max(1, (vertices - 1) / 2);
    }

    /** Writes the power-law directed graph described in the class comment to {@code edgesFile}. */
    static void writePowerLaw(GraphSize size, long seed, Path edgesFile) throws IOException {
        int vertices = size.vertices();
        int maxOutDegree = maxOutDegree(vertices);
        if (vertices < 2 || size.edges() < vertices || size.edges() > (long) vertices * maxOutDegree) {
            throw new IllegalArgumentException(String.format(
                    "A power-law graph of %,d vertices needs at least 2 vertices and between %,d edges (one out-edge "
                            + "each) and %,d (out-degrees at most (V-1)/2), not %,d",
                    vertices, vertices, (long) vertices * maxOutDegree, size.edges()));
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] outDegree = outDegrees(vertices, size.edges() - vertices, maxOutDegree, random);
        AliasTable targets = new AliasTable(zipfWeights(vertices, IN_DEGREE_EXPONENT, random));
        // drawnFor[t] == u + 1 once t is a target of u: catches duplicates without clearing per source.
        int[] drawnFor = new int[vertices];
        try (LongLineWriter out = new LongLineWriter(edgesFile)) {
            for (int u = 0; u < vertices; u++) {
                long skewedDraws = (long) SKEWED_DRAWS_PER_EDGE * outDegree[u];
                int written = 0;
                while (written < outDegree[u]) {
                    int t = skewedDraws-- > 0 ? targets.sample(random) : random.nextInt(vertices);
                    if (t != u && drawnFor[t] != u + 1) {
                        drawnFor[t] = u + 1;
                        out.writeLine(u, t);
                        written++;
                    }
                }
            }
        }
    }

    /** Writes the random undirected graph described in the class comment. */
    static void writeRandomUndirected(GraphSize size, long seed, Path verticesFile, Path edgesFile)
            throws IOException {
        int vertices = size.vertices();
        if (vertices < 2 && size.edges() > 0) {
            throw new IllegalArgumentException("Edges without self-loops need at least 2 vertices");
        }
        try (LongLineWriter out = new LongLineWriter(verticesFile)) {
            for (int v = 0; v < vertices; v++) {
                out.writeLine(v);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        try (LongLineWriter out = new LongLineWriter(edgesFile)) {
            for (long i = 0; i < size.edges(); i++) {
                int u = random.nextInt(vertices);
                int v = random.nextInt(vertices - 1);
                out.writeLine(u, v < u ? v : v + 1);
            }
        }
    }

    /** One out-edge per vertex, plus {@code extra} more given to Zipf-drawn sources below the cap. */
    private static int[] outDegrees(int vertices, long extra, int maxOutDegree, SplittableRandom random) {
        int[] degree = new int[vertices];
        Arrays.fill(degree, 1);
        AliasTable sources = new AliasTable(zipfWeights(vertices, OUT_DEGREE_EXPONENT, random));
        while (extra > 0) {
            int u = sources.sample(random);
            if (degree[u] < maxOutDegree) {
                degree[u]++;
                extra--;
            }
        }
        return degree;
    }

    /** Weight {@code rank^-exponent} for the vertex at each rank of a seeded random permutation. */
    private static double[] zipfWeights(int vertices, double exponent, SplittableRandom random) {
        int[] byRank = new int[vertices];
        for (int i = 0; i < vertices; i++) {
            byRank[i] = i;
        }
        for (int i = vertices - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = byRank[i];
            byRank[i] = byRank[j];
            byRank[j] = swap;
        }
        double[] weights = new double[vertices];
        for (int rank = 0; rank < vertices; rank++) {
            weights[byRank[rank]] = Math.pow(rank + 1, -exponent);
        }
        return weights;
    }
}
