package dev.spindle.examples.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The references against ranks and components worked out by hand on tiny graphs. */
class GraphReferencesTest {

    /** 1 -> 2, 1 -> 3, 2 -> 3, 3 -> 1. */
    private static final long[] TRIANGLE_SOURCES = {1, 1, 2, 3};
    private static final long[] TRIANGLE_TARGETS = {2, 3, 3, 1};

    @Test
    void shouldRankTwoIterationsOfTriangleAsWorkedOutByHand() {
        // rank1 = (1/3, 0.05 + 0.85/6, 0.05 + 0.85/2); rank2(1) = 0.05 + 0.85 * 0.475, ...
        GraphReferences.PageRankResult result =
                GraphReferences.pageRank(TRIANGLE_SOURCES, TRIANGLE_TARGETS, 2, Double.NaN);
        assertEquals(List.of("1\t0.453750000", "2\t0.191666667", "3\t0.354583333"), result.lines());
        assertEquals(2, result.supersteps());
    }

    @Test
    void shouldKeepTeleportRankForVertexWithoutInEdges() {
        long[] sources = {1, 1, 2, 3, 4};
        long[] targets = {2, 3, 3, 1, 1};
        GraphReferences.PageRankResult result = GraphReferences.pageRank(sources, targets, 2, Double.NaN);
        assertEquals(List.of("1\t0.372187500", "2\t0.234062500", "3\t0.356250000", "4\t0.037500000"),
                result.lines());
    }

    @Test
    void shouldCountDuplicateEdgesTwice() {
        // outdeg(1) = 3: vertex 2 gets two thirds of rank(1).
        long[] sources = {1, 1, 1, 2, 3};
        long[] targets = {2, 2, 3, 1, 1};
        GraphReferences.PageRankResult result = GraphReferences.pageRank(sources, targets, 1, Double.NaN);
        assertEquals(List.of("1\t0.616666667", "2\t0.238888889", "3\t0.144444444"), result.lines());
    }

    @Test
    void shouldStopAtFirstSuperstepWhoseRankChangeIsBelowEpsilon() {
        // Total changes of the triangle: 0.283, 0.241, 0.205, 0.087, 0.0370, 0.0314, 0.0267, 0.0114, ...
        GraphReferences.PageRankResult result =
                GraphReferences.pageRank(TRIANGLE_SOURCES, TRIANGLE_TARGETS, 100, 0.03);
        assertEquals(7, result.supersteps());
        assertEquals(GraphReferences.pageRank(TRIANGLE_SOURCES, TRIANGLE_TARGETS, 7, Double.NaN).ranks(),
                result.ranks());
        assertEquals(5, GraphReferences.pageRank(TRIANGLE_SOURCES, TRIANGLE_TARGETS, 5, 0.03).supersteps());
    }

    @Test
    void shouldRejectTargetWithoutOutEdges() {
        assertThrows(IllegalArgumentException.class,
                () -> GraphReferences.pageRank(new long[] {1}, new long[] {2}, 1, Double.NaN));
    }

    @Test
    void shouldLabelComponentsWithSmallestIdAndCountSupersteps() {
        // {1}, {2, 3, 5} as the path 2 - 3 - 5, {4, 6}; the edge to 9 names no vertex.
        long[] vertices = {1, 2, 3, 4, 5, 6};
        GraphReferences.ComponentsResult result = GraphReferences.connectedComponents(vertices,
                new long[] {3, 5, 6, 9}, new long[] {2, 3, 4, 1}, Integer.MAX_VALUE);
        assertEquals(Map.of(1L, 1L, 2L, 2L, 3L, 2L, 4L, 4L, 5L, 2L, 6L, 4L), result.components());
        // 3 and 5 change in superstep 1, 5 again in 2, nothing in 3.
        assertEquals(3, result.supersteps());
        assertEquals(List.of("1\t1", "2\t2", "3\t2", "4\t4", "5\t2", "6\t4"), result.lines());
    }

    @Test
    void shouldSpreadSmallestIdOneHopPerSuperstepAlongChain() {
        TestGraphs.Graph chain = TestGraphs.chain(10, 100);
        GraphReferences.ComponentsResult full = GraphReferences.connectedComponents(chain);
        assertEquals(10, full.supersteps());
        full.components().values().forEach(c -> assertEquals(100L, c));

        GraphReferences.ComponentsResult capped = GraphReferences.connectedComponents(chain.vertices(),
                chain.sources(), chain.targets(), 3);
        assertEquals(3, capped.supersteps());
        capped.components().forEach((v, c) -> assertEquals(Math.max(100, v - 3), c));
    }

    @Test
    void shouldFinishIsolatedVerticesInOneSuperstep() {
        GraphReferences.ComponentsResult result = GraphReferences.connectedComponents(new long[] {7, 8},
                new long[0], new long[0], 50);
        assertEquals(Map.of(7L, 7L, 8L, 8L), result.components());
        assertEquals(1, result.supersteps());
    }

    @Test
    void shouldReportRankMismatchesBeyondTolerance() {
        Map<Long, Double> expected = Map.of(1L, 0.5000000004, 2L, 0.25, 3L, 0.25);
        List<String> lines = List.of("1\t0.500000000", "2\t0.250000002", "2\t0.25", "4\t0.1");
        assertEquals(List.of("vertex 2: rank 0.250000002, expected 0.250000000", "repeated vertex: 2\t0.25",
                "unexpected vertex: 4\t0.1", "missing vertex 3"), GraphReferences.rankMismatches(expected, lines, 1e-9));
    }
}
