package dev.spindle.dataset;

import static dev.spindle.dataset.TestData.multiset;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.accumulators.LongCounter;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.runtime.client.JobExecutionException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text files in and out, accumulators, and how a failing job reports itself, end to end on an
 * embedded cluster at parallelism 1 and 4.
 */
class DataSetSourcesAndSinksITCase {

    private static final long MIB = 1 << 20;

    @RegisterExtension
    static final TestingCluster cluster = new TestingCluster();

    @TempDir
    Path tempDir;

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldReadEveryLineOfASplitFileExactlyOnce(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        Path file = tempDir.resolve("large.txt");
        List<String> lines = writeLinesAcrossSplitBoundaries(file);

        List<String> actual = env.readTextFile(file.toString()).collect();

        assertEquals(lines.size(), actual.size());
        assertEquals(multiset(lines), multiset(actual));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldReadEveryVisibleFileOfADirectory(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        Path dir = Files.createDirectory(tempDir.resolve("input"));
        List<String> expected = new ArrayList<>();
        expected.addAll(writeLines(dir.resolve("a.txt"), numbered("a", 2_000), "\n", true));
        expected.addAll(writeLines(dir.resolve("b-crlf.txt"), numbered("b", 1_500), "\r\n", true));
        expected.addAll(writeLines(dir.resolve("c-no-final-newline.txt"), numbered("c", 10), "\n", false));
        expected.addAll(writeLines(dir.resolve("d-large.txt"), numbered("d", 90_000), "\n", true));
        Files.createFile(dir.resolve("e-empty.txt"));
        writeLines(dir.resolve("_SUCCESS"), List.of("hidden"), "\n", true);
        writeLines(dir.resolve(".hidden"), List.of("hidden"), "\n", true);
        writeLines(Files.createDirectory(dir.resolve("nested")).resolve("f.txt"), List.of("nested"), "\n", true);
        assertTrue(Files.size(dir.resolve("d-large.txt")) > MIB, "d-large.txt should span two splits");

        List<String> actual = env.readTextFile(dir.toString()).collect();

        assertEquals(multiset(expected), multiset(actual));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldWriteOnePartFilePerSubtaskAndASuccessMarker(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        Path out = tempDir.resolve("out");
        List<String> expected = LongStream.rangeClosed(1, 30_000).mapToObj(i -> "r" + i + " é").toList();

        env.generateSequence(1, 30_000).map(i -> "r" + i + " é").writeAsText(out.toString());
        env.execute("write text");

        Set<String> expectedNames = IntStream.range(0, parallelism)
                .mapToObj(i -> String.format("part-%05d", i)).collect(Collectors.toCollection(TreeSet::new));
        expectedNames.add("_SUCCESS");
        assertEquals(expectedNames, visibleNames(out));
        assertFalse(Files.exists(out.resolve(".spindle-temporary")), "temporary directory left behind");
        List<String> written = new ArrayList<>();
        for (String name : expectedNames) {
            if (name.startsWith("part-")) {
                written.addAll(Files.readAllLines(out.resolve(name), UTF_8));
            }
        }
        assertEquals(multiset(expected), multiset(written));
        assertEquals(multiset(expected), multiset(env.readTextFile(out.toString()).collect()));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldFailWithoutTouchingAnExistingOutputPath(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        Path existing = Files.createDirectory(tempDir.resolve("existing"));
        Files.writeString(existing.resolve("keep.txt"), "precious\n");

        env.generateSequence(1, 1_000).writeAsText(existing.toString());
        JobExecutionException e = assertThrows(JobExecutionException.class, env::execute);

        assertTrue(e.getMessage().contains("Output path already exists"), e.getMessage());
        assertEquals(Set.of("keep.txt"), visibleNames(existing));
        assertEquals("precious\n", Files.readString(existing.resolve("keep.txt")));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldMergeAccumulatorsOfAllSubtasksIntoTheJobResult(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        env.generateSequence(1, 50_000).map(new CountAndSum()).writeAsText(tempDir.resolve("out").toString());
        JobExecutionResult result = env.execute("accumulators");

        assertEquals(Set.of("records", "sum"), result.getAllAccumulatorResults().keySet());
        assertEquals(50_000L, (Long) result.getAccumulatorResult("records"));
        assertEquals(50_000L * 50_001 / 2, (Long) result.getAccumulatorResult("sum"));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldNameTheMapAndRepeatTheUserMessageWhenTheFunctionThrows(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Long> failing = env.generateSequence(1, 10_000).map(new FailOn(4_242L));

        JobExecutionException e = assertThrows(JobExecutionException.class, failing::collect);

        assertTrue(e.getMessage().contains("'Map'"), e.getMessage());
        assertTrue(e.getMessage().contains("record 4242 is corrupt"), e.getMessage());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldNameAUserNamedOperatorAfterAShuffleAndStayUsable(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Long> failing = env.generateSequence(1, 10_000).rebalance()
                .filter(x -> {
                    if (x == 777L) {
                        throw new IllegalArgumentException("cannot judge record " + x);
                    }
                    return true;
                })
                .name("DropInvalidRecords");

        JobExecutionException e = assertThrows(JobExecutionException.class, failing::collect);

        assertTrue(e.getMessage().contains("DropInvalidRecords"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot judge record 777"), e.getMessage());
        assertEquals(10_000L, env.generateSequence(1, 10_000).rebalance().count());
    }

    // ---- files ----

    /**
     * Writes about 3.5 MiB of lines (short, empty, multi-byte and 20-70 KB long ones) such that at
     * a parallelism of 4, whose splits are 1 MiB each, one line straddles the first boundary, one
     * starts exactly at the second, and one ends with its '\n' exactly at the third.
     */
    private static List<String> writeLinesAcrossSplitBoundaries(Path file) throws IOException {
        Random random = new Random(8);
        long[] lineStarts = {2 * MIB, 3 * MIB + 1};
        int nextStart = 0;
        boolean straddled = false;
        List<String> lines = new ArrayList<>();
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            while (written < 3 * MIB + MIB / 2) {
                String line = randomLine(random, lines.size());
                if (!straddled && written > MIB - 30_000 && written < MIB) {
                    line = "straddling " + "ü".repeat(20_000);
                }
                byte[] bytes = (line + "\n").getBytes(UTF_8);
                if (nextStart < lineStarts.length && written < lineStarts[nextStart]
                        && written + bytes.length > lineStarts[nextStart]) {
                    line = "x".repeat((int) (lineStarts[nextStart] - written - 1));
                    bytes = (line + "\n").getBytes(UTF_8);
                    nextStart++;
                }
                straddled |= written < MIB && written + bytes.length > MIB;
                out.write(bytes);
                lines.add(line);
                written += bytes.length;
            }
        }
        assertTrue(straddled && nextStart == lineStarts.length, "test data misses a split boundary case");
        return lines;
    }

    private static String randomLine(Random random, int number) {
        int kind = random.nextInt(400);
        if (kind == 0) {
            return "long " + number + " " + "ab€".repeat(7_000 + random.nextInt(17_000));
        }
        if (kind < 8) {
            return "";
        }
        StringBuilder sb = new StringBuilder("line ").append(number).append(' ');
        int length = 10 + random.nextInt(140);
        for (int i = 0; i < length; i++) {
            sb.append(random.nextInt(30) == 0 ? '€' : (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i + (i % 7 == 0 ? "" : " grüße")).toList();
    }

    /** Writes the lines with the given line end; returns them. */
    private static List<String> writeLines(Path file, List<String> lines, String lineEnd, boolean finalLineEnd)
            throws IOException {
        String text = String.join(lineEnd, lines) + (finalLineEnd ? lineEnd : "");
        Files.writeString(file, text, UTF_8);
        return lines;
    }

    /** Names in a directory, without hidden (dot) files such as Hadoop's checksums. */
    private static Set<String> visibleNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    // ---- functions ----

    /** Counts and adds up the records it passes, in accumulators registered in open(). */
    static final class CountAndSum extends AbstractRichFunction implements MapFunction<Long, Long> {
        private transient LongCounter records;
        private transient LongCounter sum;

        @Override
        public void open() {
            records = new LongCounter();
            sum = new LongCounter();
            getRuntimeContext().addAccumulator("records", records);
            getRuntimeContext().addAccumulator("sum", sum);
        }

        @Override
        public Long map(Long value) {
            records.add(1L);
            sum.add(value.longValue());
            return value;
        }
    }

    /** Passes records on, and throws at one of them. */
    static final class FailOn implements MapFunction<Long, Long> {
        private final long poison;

        FailOn(long poison) {
            this.poison = poison;
        }

        @Override
        public Long map(Long value) {
            if (value == poison) {
                throw new IllegalStateException("record " + value + " is corrupt");
            }
            return value;
        }
    }
}
