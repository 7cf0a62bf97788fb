package dev.spindle.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphGeneratorTest {

    private static final GraphSize SIZE = new GraphSize(20_000, 200_000);

    @TempDir
    Path dir;

    @Test
    void shouldWritePowerLawGraphWithOutEdgeEverywhereAndNoSelfLoopsOrDuplicates() throws IOException {
        Path edges = dir.resolve("edges");
        GraphGenerator.writePowerLaw(SIZE, 11, edges);
        int[] outDegree = new int[SIZE.vertices()];
        int[] inDegree = new int[SIZE.vertices()];
        Set<Long> seen = new HashSet<>();
        long lines = LongLineReader.read(edges, 2, f -> {
            assertNotEquals(f[0], f[1], "self-loop");
            assertTrue(seen.add(f[0] * SIZE.vertices() + f[1]), "duplicate " + f[0] + " -> " + f[1]);
            outDegree[(int) f[0]]++;
            inDegree[(int) f[1]]++;
        });
        assertEquals(SIZE.edges(), lines);
        assertTrue(Arrays.stream(outDegree).allMatch(d -> d >= 1 && d <= GraphGenerator.maxOutDegree(SIZE.vertices())));
        // mean degree 10: out-degrees reach far beyond it, in-degrees further still.
        assertTrue(Arrays.stream(outDegree).max().orElseThrow() > 100, "out-degree skew");
        assertTrue(Arrays.stream(inDegree).max().orElseThrow() > 5_000, "in-degree skew");
        assertTrue(Arrays.stream(inDegree).filter(d -> d == 0).count() > 1_000, "many vertices without in-edges");
    }

    @Test
    void shouldWriteSameGraphForSameSeedOnly() throws IOException {
        GraphSize size = new GraphSize(1_000, 5_000);
        GraphGenerator.writePowerLaw(size, 1, dir.resolve("a"));
        GraphGenerator.writePowerLaw(size, 1, dir.resolve("b"));
        GraphGenerator.writePowerLaw(size, 2, dir.resolve("c"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a")), Files.readAllBytes(dir.resolve("b")));
        assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("a")), Files.readAllBytes(dir.resolve("c"))));
    }

    @Test
    void shouldFillSmallDenseGraphs() throws IOException {
        // 7 vertices, out-degree at most 3: every vertex gets exactly 3 distinct targets.
        Path edges = dir.resolve("dense");
        GraphGenerator.writePowerLaw(new GraphSize(7, 21), 5, edges);
        Set<String> distinct = new HashSet<>(Files.readAllLines(edges));
        assertEquals(21, distinct.size());
        assertThrows(IllegalArgumentException.class, () -> GraphGenerator.writePowerLaw(new GraphSize(7, 22), 5, edges));
        assertThrows(IllegalArgumentException.class, () -> GraphGenerator.writePowerLaw(new GraphSize(7, 6), 5, edges));
    }

    @Test
    void shouldWriteRandomUndirectedGraphWithVertexFile() throws IOException {
        Path vertices = dir.resolve("vertices");
        Path edges = dir.resolve("edges");
        GraphGenerator.writeRandomUndirected(new GraphSize(1_000, 5_000), 3, vertices, edges);
        long[] next = {0};
        assertEquals(1_000, LongLineReader.read(vertices, 1, f -> assertEquals(next[0]++, f[0])));
        assertEquals(5_000, LongLineReader.read(edges, 2, f -> {
            assertNotEquals(f[0], f[1]);
            assertTrue(f[0] >= 0 && f[0] < 1_000 && f[1] >= 0 && f[1] < 1_000);
        }));
    }

    @Test
    void shouldGenerateDatasetOnceAndRedoIncompleteOne() throws IOException {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--data-dir", dir.toString()});
        GraphSize size = new GraphSize(100, 1_000);
        java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        Path graph = GraphDataset.ensurePowerLaw(options, size, quiet);
        assertEquals(dir.resolve("pagerank-graph-100-1k"), graph);
        long modified = Files.getLastModifiedTime(graph.resolve(GraphDataset.EDGES)).toMillis();
        assertEquals(graph, GraphDataset.ensurePowerLaw(options, size, quiet));
        assertEquals(modified, Files.getLastModifiedTime(graph.resolve(GraphDataset.EDGES)).toMillis());

        Path cc = GraphDataset.ensureRandomUndirected(options, size, quiet);
        Files.delete(cc.resolve("_COMPLETE"));
        Files.writeString(cc.resolve(GraphDataset.EDGES), "garbage");
        GraphDataset.ensureRandomUndirected(options, size, quiet);
        assertEquals(1_000, LongLineReader.read(cc.resolve(GraphDataset.EDGES), 2, f -> { }));
    }
}
