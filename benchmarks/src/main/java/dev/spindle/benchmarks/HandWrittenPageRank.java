package dev.spindle.benchmarks;

import dev.spindle.examples.graph.PageRank;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The PageRank example's computation written by hand in plain single-threaded Java, as the benchmark's
 * baseline and the oracle its output is checked against. Same input ({@code src<TAB>dst} lines, a
 * file or a directory of part files; the vertices are the sources), same formula (d =
 * {@value #DAMPING}, N vertices, rank0 = 1/N, rank'(v) = (1-d)/N + d * sum over u->v of
 * rank(u)/outdeg(u)), same output format ({@code vertex<TAB>rank}, written by the example's own
 * {@link PageRank#formatRank}, so that both spend the same time formatting).
 * Duplicate edges count as often as they occur, in the out-degree and in the sum, as in the example.
 *
 * <p>Vertex ids get dense int indexes ({@link VertexIndex}); the edges become a compressed sparse
 * row array of in-edges (for each vertex, the indexes of its sources in input order), so an iteration
 * is one pass over primitive arrays that pulls rank/outdeg from each source.
 *
 * <p>Stateless; each call works on its own arrays.
 */
final class HandWrittenPageRank {

    static final double DAMPING = 0.85;

    /**
     * The ranks by vertex: {@code vertices[i]} has rank {@code ranks[i]}; vertices in the order they first
     * occur in the input.
     */
    record Result(long[] vertices, double[] ranks) {
    }

    /**
     * The graph by target: vertex v's in-edges come from {@code inSources[inStart[v] .. inStart[v+1]-1]},
     * in input order.
     */
    private record InEdges(int[] outDegree, int[] inStart, int[] inSources) {
    }

    /** The edges as parallel arrays of vertex indexes, in input order. */
    private static final class EdgeList {
        int[] sources = new int[1 << 16];
        int[] targets = new int[1 << 16];
        int size;

        void add(int source, int target) {
            if (size == sources.length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, sources.length * 2L);
                sources = Arrays.copyOf(sources, grown);
                targets = Arrays.copyOf(targets, grown);
            }
            sources[size] = source;
            targets[size] = target;
            size++;
        }
    }

    private HandWrittenPageRank() {
    }

    /** Reads the edges and runs {@code iterations} iterations. */
    static Result run(Path edges, int iterations) throws IOException {
        VertexIndex index = new VertexIndex(1 << 16);
        InEdges graph = read(edges, index);
        return new Result(index.ids(), iterate(graph, iterations));
    }

    /** {@code vertex<TAB>rank} lines, in the result's vertex order. */
    static void write(Result result, Path file) throws IOException {
        try (LongLineWriter out = new LongLineWriter(file)) {
            for (int i = 0; i < result.vertices().length; i++) {
                out.writeLine(result.vertices()[i], PageRank.formatRank(result.ranks()[i]));
            }
        }
    }

    /** Reads the edges, numbering the vertices in {@code index}, into in-edge arrays. */
    private static InEdges read(Path edges, VertexIndex index) throws IOException {
        EdgeList list = new EdgeList();
        LongLineReader.read(edges, 2, f -> list.add(index.add(f[0]), index.add(f[1])));
        int n = index.size();
        int[] outDegree = new int[n];
        for (int e = 0; e < list.size; e++) {
            outDegree[list.sources[e]]++;
        }
        for (int v = 0; v < n; v++) {
            if (outDegree[v] == 0) {
                throw new IllegalArgumentException("Vertex " + index.id(v) + " is the target of an edge but has no "
                        + "out-edges; PageRank's input must give every vertex an out-edge (the vertices are the sources)");
            }
        }
        // A stable counting sort of the edges by target.
        int[] inStart = new int[n + 1];
        for (int e = 0; e < list.size; e++) {
            inStart[list.targets[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            inStart[v + 1] += inStart[v];
        }
        int[] next = Arrays.copyOf(inStart, n);
        int[] inSources = new int[list.size];
        for (int e = 0; e < list.size; e++) {
            inSources[next[list.targets[e]]++] = list.sources[e];
        }
        return new InEdges(outDegree, inStart, inSources);
    }

    private static double[] iterate(InEdges graph, int iterations) {
        int[] outDegree = graph.outDegree();
        int[] inStart = graph.inStart();
        int[] inSources = graph.inSources();
        int n = outDegree.length;
        double[] rank = new double[n];
        Arrays.fill(rank, 1.0 / n);
        double[] share = new double[n];
        double[] next = new double[n];
        double teleport = (1 - DAMPING) / n;
        for (int i = 0; i < iterations; i++) {
            for (int u = 0; u < n; u++) {
                share[u] = rank[u] / outDegree[u];
            }
            for (int v = 0; v < n; v++) {
                double sum = 0.0;
                for (int e = inStart[v]; e < inStart[v + 1]; e++) {
                    sum += share[inSources[e]];
                }
                next[v] = teleport + DAMPING * sum;
            }
            double[] swap = rank;
            rank = next;
            next = swap;
        }
        return rank;
    }
}
