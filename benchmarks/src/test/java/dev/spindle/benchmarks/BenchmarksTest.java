package dev.spindle.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Benchmarks.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintUsageListingWorkloadsOnHelp() {
        assertEquals(0, run("--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.contains("wordcount") && usage.contains("--parallelism"), usage);
    }

    @Test
    void shouldRejectUnknownWorkloadsAndOptions() {
        assertEquals(2, run());
        assertEquals(2, run("nosuch"));
        assertEquals(2, run("wordcount", "--bogus", "1"));
        assertEquals(2, run("wordcount", "--runs"));
    }

    @Test
    void shouldGenerateDataFileOnlyOnce() throws Exception {
        assertEquals(0, run("generate", "--size", "64k", "--data-dir", dir.toString()), err.toString());
        Path file = dir.resolve("zipf-64k.txt");
        assertTrue(Files.size(file) > 60_000);
        long modified = Files.getLastModifiedTime(file).toMillis();
        assertEquals(0, run("generate", "--size", "64k", "--data-dir", dir.toString()));
        assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("using existing"));
    }

    @Test
    void shouldParseOptionsWithDefaults() {
        BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--size", "200m", "--runs", "3", "--seed", "9"});
        assertEquals(200L << 20, o.size().bytes());
        assertEquals(3, o.runs());
        assertEquals(2, o.parallelism());
        assertEquals(Path.of("benchmark-data", "zipf-200m-seed9.txt"), o.zipfTextFile());
        assertEquals(new GraphSize(1_000_000, 5_000_000), o.graph().orElse(new GraphSize(1_000_000, 5_000_000)));
    }

    @Test
    void shouldParseGraphSizeOverWorkloadDefaults() {
        BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--edges", "2500000"});
        GraphSize size = o.graph().orElse(new GraphSize(1_000_000, 10_000_000));
        assertEquals(new GraphSize(1_000_000, 2_500_000), size);
        assertEquals("1m-2500k", size.token());
        assertEquals("1234-0", new GraphSize(1234, 0).token());
        assertEquals(2, run("pagerank", "--vertices", "0"));
        assertEquals(2, run("cc", "--vertices", "3000000000"));
    }

    @Test
    void shouldSumPartFilesAndReportMismatches() throws Exception {
        Files.writeString(dir.resolve("part-0"), "a\t2\nb\t1\n");
        Files.writeString(dir.resolve("part-1"), "a\t1\n");
        Files.writeString(dir.resolve("_SUCCESS"), "ignored");
        Map<String, Long> read = WordCountOutputVerifier.read(dir);
        assertEquals(Map.of("a", 3L, "b", 1L), read);
        WordCountOutputVerifier.verify(Map.of("a", 3L, "b", 1L), read);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WordCountOutputVerifier.verify(Map.of("a", 3L, "c", 1L), read));
        assertTrue(e.getMessage().contains("'c'") && e.getMessage().contains("'b'"), e.getMessage());
    }
}
