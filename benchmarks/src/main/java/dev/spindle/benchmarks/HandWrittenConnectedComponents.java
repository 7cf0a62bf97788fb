package dev.spindle.benchmarks;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The Connected Components example's result computed by hand in plain single-threaded Java, as the
 * benchmark's baseline and the oracle its output is checked against: same inputs (vertex ids one per
 * line; undirected edges {@code u<TAB>v}; each a file or a directory of part files), same output
 * ({@code vertex<TAB>componentId}, the component id being the smallest vertex id in the component;
 * an isolated vertex is its own component). Every edge endpoint must be a listed vertex.
 *
 * <p>Union-find over dense vertex indexes ({@link VertexIndex}) with path halving, where the root of
 * each tree is the member with the smallest id; the edges are streamed from the file, never stored.
 *
 * <p>Stateless; each call works on its own arrays.
 */
final class HandWrittenConnectedComponents {

    /** {@code vertices[i]} is in the component {@code components[i]}; vertices in input order, duplicates once. */
    record Result(long[] vertices, long[] components) {
    }

    /** The union-find forest: {@code parent[i] == i} at a root; a root has the smallest id of its tree. */
    private static final class Forest {
        final long[] ids;
        final int[] parent;

        Forest(long[] ids) {
            this.ids = ids;
            this.parent = new int[ids.length];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
        }

        int root(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void union(int a, int b) {
            int ra = root(a);
            int rb = root(b);
            if (ids[ra] < ids[rb]) {
                parent[rb] = ra;
            } else if (ra != rb) {
                parent[ra] = rb;
            }
        }
    }

    private HandWrittenConnectedComponents() {
    }

    static Result run(Path vertices, Path edges) throws IOException {
        VertexIndex index = new VertexIndex(1 << 16);
        LongLineReader.read(vertices, 1, f -> index.add(f[0]));
        Forest forest = new Forest(index.ids());
        LongLineReader.read(edges, 2, f -> forest.union(indexOf(index, f[0]), indexOf(index, f[1])));
        long[] components = new long[forest.ids.length];
        for (int i = 0; i < components.length; i++) {
            components[i] = forest.ids[forest.root(i)];
        }
        return new Result(forest.ids, components);
    }

    /** {@code vertex<TAB>componentId} lines, in the result's vertex order. */
    static void write(Result result, Path file) throws IOException {
        try (LongLineWriter out = new LongLineWriter(file)) {
            for (int i = 0; i < result.vertices().length; i++) {
                out.writeLine(result.vertices()[i], result.components()[i]);
            }
        }
    }

    private static int indexOf(VertexIndex index, long vertex) {
        int i = index.indexOf(vertex);
        if (i < 0) {
            throw new IllegalArgumentException("An edge names vertex " + vertex + ", which the vertices input does not list");
        }
        return i;
    }
}
