package dev.spindle.benchmarks;

import dev.spindle.examples.graph.PageRank;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks a Spindle graph job's output directory of {@code vertex<TAB>value} lines against the
 * hand-written result, throwing {@link IllegalStateException} with the first difference. Spindle writes
 * its part files in no particular order, so lines are matched by vertex: every vertex must occur
 * exactly once, and no other.
 *
 * <p>PageRank ranks are compared as numbers, not as strings. Both sides add up the same contributions
 * per vertex, but in a different order (input order by hand; hash and arrival order in Spindle), and a
 * floating-point sum depends on its order, so the last bits of a rank may differ. The output is
 * rounded to 9 decimals, which hides such differences unless the exact value lies next to a rounding
 * boundary: then the two strings differ by one in the 9th decimal. A rank passes when its parsed value
 * lies within {@value #RANK_TOLERANCE} of the hand-written (unrounded) double, which any correct
 * rounding does; how many rank strings differ nevertheless is reported, not failed. Component ids
 * must be equal.
 *
 * <p>Stateless.
 */
final class GraphOutputVerifier {

    static final double RANK_TOLERANCE = 1e-9;

    /**
     * What a rank check found.
     *
     * @param vertices         vertices checked
     * @param differentStrings ranks written differently from the hand-written string, all within tolerance
     * @param maxDifference    the largest |Spindle's rank - hand-written rank|
     */
    record RankCheck(int vertices, int differentStrings, double maxDifference) {
    }

    /** What a component check found: vertices, components, and the size of the largest component. */
    record ComponentCheck(int vertices, int components, int largestComponent) {
    }

    /** Checks one output line's value for the vertex with the given index in the expected result. */
    @FunctionalInterface
    private interface ValueCheck {
        void check(int index, String value);
    }

    private GraphOutputVerifier() {
    }

    static RankCheck verifyRanks(HandWrittenPageRank.Result expected, Path outputDir) throws IOException {
        long[] vertices = expected.vertices();
        double[] ranks = expected.ranks();
        int[] differentStrings = {0};
        double[] maxDifference = {0.0};
        forEachVertex(vertices, outputDir, (i, rank) -> {
            double difference = Math.abs(Double.parseDouble(rank) - ranks[i]);
            if (!(difference <= RANK_TOLERANCE)) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "Vertex %d: Spindle wrote rank %s, the hand-written PageRank %s (exactly %s)", vertices[i],
                        rank, PageRank.formatRank(ranks[i]), ranks[i]));
            }
            maxDifference[0] = Math.max(maxDifference[0], difference);
            if (!rank.equals(PageRank.formatRank(ranks[i]))) {
                differentStrings[0]++;
            }
        });
        return new RankCheck(vertices.length, differentStrings[0], maxDifference[0]);
    }

    static ComponentCheck verifyComponents(HandWrittenConnectedComponents.Result expected, Path outputDir)
            throws IOException {
        long[] vertices = expected.vertices();
        long[] components = expected.components();
        forEachVertex(vertices, outputDir, (i, component) -> {
            if (Long.parseLong(component) != components[i]) {
                throw new IllegalStateException("Vertex " + vertices[i] + ": Spindle wrote component " + component
                        + ", the hand-written Connected Components " + components[i]);
            }
        });
        VertexIndex index = index(vertices);
        int[] sizes = new int[vertices.length];
        int count = 0;
        int largest = 0;
        for (long component : components) {
            int i = index.indexOf(component);
            count += sizes[i] == 0 ? 1 : 0;
            largest = Math.max(largest, ++sizes[i]);
        }
        return new ComponentCheck(vertices.length, count, largest);
    }

    /** Parses every line of the directory's part files and hands its value to {@code check}. */
    private static void forEachVertex(long[] vertices, Path outputDir, ValueCheck check) throws IOException {
        VertexIndex index = index(vertices);
        boolean[] seen = new boolean[vertices.length];
        for (Path part : BenchmarkFiles.parts(outputDir)) {
            try (BufferedReader in = Files.newBufferedReader(part, StandardCharsets.US_ASCII)) {
                String line;
                while ((line = in.readLine()) != null) {
                    int tab = line.indexOf('\t');
                    if (tab < 0) {
                        throw new IllegalStateException(part + ": not a vertex<TAB>value line: '" + line + "'");
                    }
                    long vertex = Long.parseLong(line, 0, tab, 10);
                    int i = index.indexOf(vertex);
                    if (i < 0) {
                        throw new IllegalStateException(part + ": Spindle wrote vertex " + vertex
                                + ", which is not a vertex of the graph");
                    }
                    if (seen[i]) {
                        throw new IllegalStateException(part + ": Spindle wrote vertex " + vertex + " more than once");
                    }
                    seen[i] = true;
                    check.check(i, line.substring(tab + 1));
                }
            }
        }
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                throw new IllegalStateException("Spindle's output " + outputDir + " lacks vertex " + vertices[i]);
            }
        }
    }

    private static VertexIndex index(long[] vertices) {
        VertexIndex index = new VertexIndex(vertices.length);
        for (long v : vertices) {
            index.add(v);
        }
        return index;
    }
}
