package dev.spindle.examples.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated test graphs have the shapes their comments promise. */
class TestGraphsTest {

    @TempDir
    Path dir;

    @Test
    void shouldGiveEveryVertexOfPageRankGraphsAnOutEdgeAndNoSelfLoop() {
        for (TestGraphs.Graph graph : List.of(TestGraphs.random(300, 1500, 1), TestGraphs.skewed(300, 1500, 1),
                TestGraphs.chain(50, 0))) {
            Set<Long> sources = new HashSet<>();
            for (int i = 0; i < graph.edgeCount(); i++) {
                sources.add(graph.sources()[i]);
                assertNotEquals(graph.sources()[i], graph.targets()[i], graph.toString());
            }
            assertEquals(graph.vertices().length, sources.size(), graph.toString());
        }
    }

    @Test
    void shouldBeDeterministicForSeed() {
        assertArrayEquals(TestGraphs.random(100, 400, 5).targets(), TestGraphs.random(100, 400, 5).targets());
        assertTrue(!Arrays.equals(TestGraphs.random(100, 400, 5).targets(), TestGraphs.random(100, 400, 6).targets()));
    }

    @Test
    void shouldPutAboutHalfOfSkewedEdgesOnOneHub() {
        TestGraphs.Graph graph = TestGraphs.skewed(1000, 10_000, 3);
        Map<Long, Integer> degree = new HashMap<>();
        for (int i = 0; i < graph.edgeCount(); i++) {
            degree.merge(graph.sources()[i], 1, Integer::sum);
            degree.merge(graph.targets()[i], 1, Integer::sum);
        }
        int hubDegree = degree.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(hubDegree >= 5000 && hubDegree < 5100, "hub degree " + hubDegree);
    }

    @Test
    void shouldBuildSeparateComponentsAndIsolatedVertices() {
        TestGraphs.Graph graph = TestGraphs.componentsWithIsolatedVertices(4, 25, 10, 9);
        GraphReferences.ComponentsResult result = GraphReferences.connectedComponents(graph);
        assertEquals(4 + 10, new HashSet<>(result.components().values()).size());
        assertTrue(Arrays.stream(graph.vertices()).anyMatch(v -> v > Integer.MAX_VALUE));
    }

    @Test
    void shouldWriteExampleInputFormat() throws Exception {
        TestGraphs.GraphFiles files = TestGraphs.chain(3, 7).write(dir.resolve("chain"));
        assertEquals(List.of("7", "8", "9"), Files.readAllLines(files.vertices()));
        assertEquals(List.of("7\t8", "8\t9", "9\t8"), Files.readAllLines(files.edges()));
    }
}
