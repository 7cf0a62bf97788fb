package dev.spindle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.examples.graph.ConnectedComponents;
import dev.spindle.examples.graph.GraphReferences;
import dev.spindle.examples.graph.PageRank;
import dev.spindle.examples.graph.TestGraphs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PageRank and Connected Components through bin/run's Java side, against the plain-Java references
 * on generated graphs (skewed degrees, a long chain, components with isolated vertices): at
 * parallelism 1 on the embedded cluster, and at parallelism 4 on two TaskManager processes, so that
 * the supersteps' shuffles and the coordinator's messages cross process boundaries.
 */
class GraphExamplesITCase {

    @TempDir
    Path dir;

    private static List<String> cluster(int parallelism) {
        List<String> args = new ArrayList<>(List.of("-p", Integer.toString(parallelism)));
        if (parallelism > 1) {
            args.addAll(List.of("-D", "local.taskmanagers=2", "-D", "local.taskmanager.processes=true",
                    "-D", "local.taskmanager.jvm-options=-Xmx256m"));
        }
        return args;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldRankLikeThePlainJavaReference(int parallelism) throws Exception {
        TestGraphs.Graph graph = TestGraphs.skewed(3_000, 20_000, 7);
        TestGraphs.GraphFiles files = graph.write(dir.resolve("graph"));
        Path output = dir.resolve("ranks");
        List<String> args = cluster(parallelism);
        args.addAll(List.of("-c", PageRank.class.getName(), CliRunner.examplesJar(),
                "--edges", files.edges().toString(), "--output", output.toString(), "--iterations", "12"));

        CliRunner.Outcome outcome = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, outcome.exitCode(), outcome.stderr());

        GraphReferences.PageRankResult expected = GraphReferences.pageRank(graph, 12);
        List<String> problems = GraphReferences.rankMismatches(expected.ranks(),
                GraphReferences.outputLines(output), 1e-9);
        assertTrue(problems.isEmpty(), problems.size() + " problems, first: " + problems.stream().limit(5).toList());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldStopPageRankOnTheEpsilonAggregatorAtTheReferencesSuperstep(int parallelism) throws Exception {
        TestGraphs.Graph graph = TestGraphs.random(2_000, 10_000, 11);
        TestGraphs.GraphFiles files = graph.write(dir.resolve("graph"));
        Path output = dir.resolve("ranks");
        double epsilon = 1e-4;
        List<String> args = cluster(parallelism);
        args.addAll(List.of("-c", PageRank.class.getName(), CliRunner.examplesJar(),
                "--edges", files.edges().toString(), "--output", output.toString(), "--iterations", "50",
                "--epsilon", Double.toString(epsilon)));

        CliRunner.Outcome outcome = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, outcome.exitCode(), outcome.stderr());

        GraphReferences.PageRankResult expected = GraphReferences.pageRank(graph.sources(), graph.targets(), 50,
                epsilon);
        assertTrue(expected.supersteps() > 2 && expected.supersteps() < 50,
                "the epsilon stops the reference early: " + expected.supersteps());
        List<String> problems = GraphReferences.rankMismatches(expected.ranks(),
                GraphReferences.outputLines(output), 1e-9);
        assertTrue(problems.isEmpty(), "ranks of the reference's last superstep " + expected.supersteps() + ": "
                + problems.size() + " problems, first: " + problems.stream().limit(5).toList());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldFindTheComponentsOfTheReference(int parallelism) throws Exception {
        TestGraphs.Graph graph = TestGraphs.componentsWithIsolatedVertices(6, 400, 50, 3);
        assertComponents(graph, parallelism);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldFollowALongChainToItsEnd(int parallelism) throws Exception {
        assertComponents(TestGraphs.chain(150, TestGraphs.FIRST_ID), parallelism);
    }

    private void assertComponents(TestGraphs.Graph graph, int parallelism) throws Exception {
        TestGraphs.GraphFiles files = graph.write(dir.resolve("graph"));
        Path output = dir.resolve("components");
        List<String> args = cluster(parallelism);
        args.addAll(List.of("-c", ConnectedComponents.class.getName(), CliRunner.examplesJar(),
                "--vertices", files.vertices().toString(), "--edges", files.edges().toString(),
                "--output", output.toString()));

        CliRunner.Outcome outcome = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, outcome.exitCode(), outcome.stderr());

        List<String> expected = new ArrayList<>(GraphReferences.connectedComponents(graph).lines());
        List<String> actual = new ArrayList<>(GraphReferences.outputLines(output));
        expected.sort(null);
        actual.sort(null);
        assertEquals(expected, actual);
    }
}
