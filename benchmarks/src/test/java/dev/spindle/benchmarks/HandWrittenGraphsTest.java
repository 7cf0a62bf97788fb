package dev.spindle.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spindle.examples.graph.GraphReferences;
import dev.spindle.examples.graph.TestGraphs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HandWrittenPageRank} and {@link HandWrittenConnectedComponents} against the examples' plain
 * references. Both PageRank implementations add each vertex's shares in input order, so their ranks
 * must be equal to the last bit.
 */
class HandWrittenGraphsTest {

    @TempDir
    Path dir;

    @Test
    void shouldRankLikeReferenceOnTestGraphs() throws IOException {
        for (TestGraphs.Graph graph : List.of(TestGraphs.random(500, 3_000, 1), TestGraphs.skewed(500, 4_000, 2),
                TestGraphs.chain(300, 10))) {
            Path edges = graph.write(dir.resolve(graph.name())).edges();
            assertEquals(GraphReferences.pageRank(graph, 10).ranks(), ranks(HandWrittenPageRank.run(edges, 10)),
                    graph.toString());
        }
    }

    @Test
    void shouldRankLikeReferenceOnGeneratedPowerLawGraph() throws IOException {
        Path edges = dir.resolve("edges");
        GraphGenerator.writePowerLaw(new GraphSize(5_000, 40_000), 8, edges);
        long[][] pairs = readPairs(edges);
        assertEquals(GraphReferences.pageRank(pairs[0], pairs[1], 10, Double.NaN).ranks(),
                ranks(HandWrittenPageRank.run(edges, 10)));
    }

    @Test
    void shouldWriteRanksWithNineDecimals() throws IOException {
        Path edges = dir.resolve("triangle");
        Files.writeString(edges, "1\t2\n1\t3\n2\t3\n3\t1\n");
        Path output = dir.resolve("ranks");
        HandWrittenPageRank.write(HandWrittenPageRank.run(edges, 2), output);
        assertEquals(List.of("1\t0.453750000", "2\t0.191666667", "3\t0.354583333"), Files.readAllLines(output));
    }

    @Test
    void shouldRejectTargetWithoutOutEdges() throws IOException {
        Path edges = dir.resolve("dangling");
        Files.writeString(edges, "1\t2\n2\t3\n");
        assertThrows(IllegalArgumentException.class, () -> HandWrittenPageRank.run(edges, 1));
    }

    @Test
    void shouldFindComponentsLikeReference() throws IOException {
        for (TestGraphs.Graph graph : List.of(TestGraphs.componentsWithIsolatedVertices(5, 40, 20, 3),
                TestGraphs.chain(2_000, 7), TestGraphs.random(1_000, 1_200, 4), TestGraphs.skewed(300, 900, 5))) {
            TestGraphs.GraphFiles files = graph.write(dir.resolve(graph.name()));
            HandWrittenConnectedComponents.Result result =
                    HandWrittenConnectedComponents.run(files.vertices(), files.edges());
            Map<Long, Long> components = new HashMap<>();
            for (int i = 0; i < result.vertices().length; i++) {
                components.put(result.vertices()[i], result.components()[i]);
            }
            assertEquals(GraphReferences.connectedComponents(graph).components(), components, graph.toString());
        }
    }

    @Test
    void shouldWriteComponentsAndRejectEdgeToUnlistedVertex() throws IOException {
        Path vertices = dir.resolve("vertices");
        Path edges = dir.resolve("edges");
        Files.writeString(vertices, "5\n3\n9\n4\n");
        Files.writeString(edges, "5\t4\n3\t5\n");
        Path output = dir.resolve("components");
        HandWrittenConnectedComponents.write(HandWrittenConnectedComponents.run(vertices, edges), output);
        assertEquals(List.of("5\t3", "3\t3", "9\t9", "4\t3"), Files.readAllLines(output));

        Files.writeString(edges, "5\t4\n3\t6\n");
        assertThrows(IllegalArgumentException.class, () -> HandWrittenConnectedComponents.run(vertices, edges));
    }

    private static Map<Long, Double> ranks(HandWrittenPageRank.Result result) {
        Map<Long, Double> ranks = new HashMap<>();
        for (int i = 0; i < result.vertices().length; i++) {
            ranks.put(result.vertices()[i], result.ranks()[i]);
        }
        return ranks;
    }

    private static long[][] readPairs(Path file) throws IOException {
        List<long[]> pairs = new java.util.ArrayList<>();
        LongLineReader.read(file, 2, f -> pairs.add(f.clone()));
        long[][] columns = new long[2][pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            columns[0][i] = pairs.get(i)[0];
            columns[1][i] = pairs.get(i)[1];
        }
        return columns;
    }
}
