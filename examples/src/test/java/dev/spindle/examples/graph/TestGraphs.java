package dev.spindle.examples.graph;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Small generated graphs for the graph examples' tests, deterministic for their arguments, and
 * {@link Graph#write} puts one on disk in the examples' input format. Which example a graph suits:
 * <ul>
 *   <li>{@link #random}, {@link #skewed} and {@link #chain}: every vertex has an out-edge, as PageRank
 *       requires; they serve Connected Components too.</li>
 *   <li>{@link #componentsWithIsolatedVertices}: Connected Components only (isolated vertices and tree
 *       leaves have no out-edges).</li>
 * </ul>
 * Stateless.
 */
public final class TestGraphs {

    /** The vertex ids of {@link #random} and {@link #skewed} start here: beyond the int range. */
    public static final long FIRST_ID = 5_000_000_000L;

    /**
     * A graph: vertex ids, and edges as parallel arrays ({@code sources[i] -> targets[i]}; undirected
     * for Connected Components). Treat the arrays as read-only.
     */
    public record Graph(String name, long[] vertices, long[] sources, long[] targets) {

        public int edgeCount() {
            return sources.length;
        }

        /** Writes {@code dir/vertices} (one id per line) and {@code dir/edges} ({@code src<TAB>dst} lines). */
        public GraphFiles write(Path dir) throws IOException {
            Files.createDirectories(dir);
            GraphFiles files = new GraphFiles(dir.resolve("vertices"), dir.resolve("edges"));
            try (BufferedWriter out = Files.newBufferedWriter(files.vertices(), StandardCharsets.US_ASCII)) {
                for (long v : vertices) {
                    out.write(v + "\n");
                }
            }
            try (BufferedWriter out = Files.newBufferedWriter(files.edges(), StandardCharsets.US_ASCII)) {
                for (int i = 0; i < sources.length; i++) {
                    out.write(sources[i] + "\t" + targets[i] + "\n");
                }
            }
            return files;
        }

        @Override
        public String toString() {
            return name + " (" + vertices.length + " vertices, " + sources.length + " edges)";
        }
    }

    /** Where {@link Graph#write} put a graph. */
    public record GraphFiles(Path vertices, Path edges) {
    }

    private TestGraphs() {
    }

    /**
     * {@code vertices} vertices from {@link #FIRST_ID} on and {@code edges >= vertices} random edges
     * without self-loops: first one out-edge per vertex, then random pairs (a pair may repeat).
     */
    public static Graph random(int vertices, int edges, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EdgeBuilder b = oneOutEdgeEach("random-" + vertices + "-" + edges + "-seed" + seed, vertices, edges, random);
        while (b.size < edges) {
            int u = random.nextInt(vertices);
            b.add(u, other(u, vertices, random));
        }
        return b.graph();
    }

    /**
     * Like {@link #random}, but one hub (not the smallest id) is an end of about half of all edges:
     * after one out-edge per vertex, half of the edges go between the hub and random vertices,
     * alternately out of and into it; the rest are random pairs.
     */
    public static Graph skewed(int vertices, int edges, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EdgeBuilder b = oneOutEdgeEach("skewed-" + vertices + "-" + edges + "-seed" + seed, vertices, edges, random);
        int hub = 1 + random.nextInt(vertices - 1);
        for (int i = 0; b.size < edges; i++) {
            if (i < edges / 2) {
                int other = other(hub, vertices, random);
                b.add(i % 2 == 0 ? hub : other, i % 2 == 0 ? other : hub);
            } else {
                int u = random.nextInt(vertices);
                b.add(u, other(u, vertices, random));
            }
        }
        return b.graph();
    }

    /**
     * A path {@code first -> first+1 -> ... -> first+n-1}, plus the edge back from the last vertex to
     * the one before it so that every vertex has an out-edge. Connected Components needs {@code n}
     * supersteps for it (the smallest id has to travel the whole path): mind the iteration limit.
     */
    public static Graph chain(int n, long first) {
        long[] vertices = new long[n];
        long[] sources = new long[n];
        long[] targets = new long[n];
        for (int i = 0; i < n; i++) {
            vertices[i] = first + i;
        }
        for (int i = 0; i + 1 < n; i++) {
            sources[i] = first + i;
            targets[i] = first + i + 1;
        }
        sources[n - 1] = first + n - 1;
        targets[n - 1] = first + n - 2;
        return new Graph("chain-" + n, vertices, sources, targets);
    }

    /**
     * {@code components} components of {@code size} vertices each (a random tree plus {@code size/2}
     * random extra edges inside the component) and {@code isolated} vertices without edges. The ids
     * are shuffled over a wide range (some beyond int), so each component's smallest id is anywhere.
     */
    public static Graph componentsWithIsolatedVertices(int components, int size, int isolated, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int vertices = components * size + isolated;
        long[] ids = shuffledIds(vertices, random);
        int perComponent = size - 1 + size / 2;
        long[] sources = new long[components * perComponent];
        long[] targets = new long[sources.length];
        int e = 0;
        for (int c = 0; c < components; c++) {
            int base = c * size;
            for (int j = 1; j < size; j++) {
                sources[e] = ids[base + j];
                targets[e++] = ids[base + random.nextInt(j)];
            }
            for (int j = 0; j < size / 2; j++) {
                int u = random.nextInt(size);
                sources[e] = ids[base + u];
                targets[e++] = ids[base + other(u, size, random)];
            }
        }
        return new Graph("components-" + components + "x" + size + "-isolated" + isolated + "-seed" + seed,
                ids, sources, targets);
    }

    /** Distinct ids, some below and some beyond the int range, in random order. */
    private static long[] shuffledIds(int n, SplittableRandom random) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = (i % 2 == 0 ? FIRST_ID : 0) + 1000L * i + random.nextInt(1000);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = ids[i];
            ids[i] = ids[j];
            ids[j] = swap;
        }
        return ids;
    }

    /** A random vertex index other than {@code u} (n >= 2). */
    private static int other(int u, int n, SplittableRandom random) {
        int v = random.nextInt(n - 1);
        return v < u ? v : v + 1;
    }

    private static EdgeBuilder oneOutEdgeEach(String name, int vertices, int edges, SplittableRandom random) {
        if (vertices < 2 || edges < vertices) {
            throw new IllegalArgumentException("need at least 2 vertices and one edge per vertex: " + name);
        }
        EdgeBuilder b = new EdgeBuilder(name, vertices, edges);
        for (int u = 0; u < vertices; u++) {
            b.add(u, other(u, vertices, random));
        }
        return b;
    }

    /** Edges between vertex indexes, turned into ids {@code FIRST_ID + index} by {@link #graph}. */
    private static final class EdgeBuilder {
        final String name;
        final int vertices;
        final long[] sources;
        final long[] targets;
        int size;

        EdgeBuilder(String name, int vertices, int edges) {
            this.name = name;
            this.vertices = vertices;
            this.sources = new long[edges];
            this.targets = new long[edges];
        }

        void add(int source, int target) {
            sources[size] = FIRST_ID + source;
            targets[size++] = FIRST_ID + target;
        }

        Graph graph() {
            long[] ids = new long[vertices];
            Arrays.setAll(ids, i -> FIRST_ID + i);
            return new Graph(name, ids, sources, targets);
        }
    }
}
