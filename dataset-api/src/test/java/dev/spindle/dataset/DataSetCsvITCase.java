package dev.spindle.dataset;

import static dev.spindle.dataset.TestData.multiset;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple4;
import dev.spindle.api.tuple.Tuple5;
import dev.spindle.runtime.client.JobExecutionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CSV in and out end to end on an embedded cluster, at parallelism 1 and 4, on files of several MB
 * (several splits at parallelism 4). The expected records come from the generator's own values, not
 * from parsing the files.
 */
class DataSetCsvITCase {

    private static final long MIB = 1 << 20;
    private static final String HEADER = "id,name,qty,price,note,flag";

    @RegisterExtension
    static final TestingCluster cluster = new TestingCluster();

    @TempDir
    Path tempDir;

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldReadTypedIncludedColumnsOfEveryFileLikePlainJava(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        Path dir = Files.createDirectory(tempDir.resolve("orders"));
        List<Order> orders = Order.generate(new Random(1), 90_000);
        List<Order> first = orders.subList(0, 60_000);
        List<Order> second = orders.subList(60_000, orders.size());
        writeLines(dir.resolve("a.csv"), withHeader(first.stream().map(Order::csvLine).toList()), "\n", true);
        writeLines(dir.resolve("b-crlf.csv"), withHeader(second.stream().map(Order::csvLine).toList()), "\r\n", false);
        assertTrue(Files.size(dir.resolve("a.csv")) > 2 * MIB, "a.csv should span several splits");

        DataSet<Tuple5<Long, String, Integer, Double, Boolean>> read = env.readCsvFile(dir.toString())
                .ignoreFirstLine()
                .includeFields("111101")
                .types(Long.class, String.class, Integer.class, Double.class, Boolean.class);
        List<Tuple5<Long, String, Integer, Double, Boolean>> actual = read.collect();
        long totalQuantity = read.map(t -> t.f2 == null ? 0L : (long) t.f2).reduce(Long::sum).collect().get(0);

        assertEquals(orders.size(), actual.size());
        assertEquals(multiset(orders.stream().map(Order::tuple).toList()), multiset(actual));
        assertEquals(orders.stream().mapToLong(o -> o.qty == null ? 0 : o.qty).sum(), totalQuantity);
        assertEquals(orders.stream().filter(o -> o.flag).count(), actual.stream().filter(t -> t.f4).count());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldFailNamingTheFileAndTheLineOfAMalformedLineDeepInTheFile(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        List<String> lines = withHeader(Order.generate(new Random(2), 80_000).stream().map(Order::csvLine).toList());
        int badLine = 71_234;
        lines.set(badLine - 1, "71233,\"missing, a field\",7,1.50,true");
        Path file = tempDir.resolve("orders.csv");
        writeLines(file, lines, "\n", true);
        long size = Files.size(file);
        long badOffset = Files.readString(file).indexOf("71233,\"missing");
        assertTrue(size > 3 * MIB && badOffset > size * 3 / 4, "the bad line should be in the last split at parallelism 4");

        DataSet<Tuple2<Long, Boolean>> read = env.readCsvFile(file.toString())
                .ignoreFirstLine()
                .includeFields("100001")
                .types(Long.class, Boolean.class);
        JobExecutionException e = assertThrows(JobExecutionException.class, read::collect);

        String expected = file.getFileName() + " line " + badLine
                + ": expected 6 fields, found 5: '71233,\"missing, a field\",7,1.50,true'";
        assertTrue(e.getMessage().contains("Malformed CSV at file:"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldSkipExactlyTheMalformedLinesAndReportHowMany(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        List<Order> orders = Order.generate(new Random(3), 80_000);
        List<String> lines = new ArrayList<>(orders.stream().map(Order::csvLine).toList());
        Set<Integer> bad = badLineIndexes(lines, new Random(4));
        List<Tuple5<Long, String, Integer, Double, Boolean>> expected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (bad.contains(i)) {
                lines.set(i, corrupt(lines.get(i), i));
            } else {
                expected.add(orders.get(i).tuple());
            }
        }
        Path file = tempDir.resolve("dirty.csv");
        writeLines(file, lines, "\n", true);

        List<Tuple5<Long, String, Integer, Double, Boolean>> actual = env.readCsvFile(file.toString())
                .includeFields("111101")
                .ignoreInvalidLines()
                .types(Long.class, String.class, Integer.class, Double.class, Boolean.class)
                .collect();

        assertEquals(expected.size(), actual.size());
        assertEquals(multiset(expected), multiset(actual));
        assertEquals((long) bad.size(),
                (Long) env.getLastJobExecutionResult().getAccumulatorResult(CsvReader.SKIPPED_LINES_ACCUMULATOR));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldReadBackWhatItWroteIncludingDelimitersAndQuotesInFields(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        List<Tuple4<String, Integer, String, Double>> records = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            records.add(Tuple4.of(Order.randomName(random, i), random.nextInt(7) == 0 ? null : random.nextInt(),
                    i % 3 == 0 ? "" : "a;b, \"c\" ü" + i, random.nextDouble() * 1e6));
        }
        records.add(Tuple4.of("\"", 1, ",", -0.0));
        Path comma = tempDir.resolve("comma");
        Path semicolon = tempDir.resolve("semicolon");

        env.fromCollection(records).rebalance().writeAsCsv(comma.toString());
        env.fromCollection(records).rebalance().writeAsCsv(semicolon.toString(), "\r\n", ";");
        JobExecutionResult result = env.execute("write csv");

        assertEquals(Set.of(), result.getAllAccumulatorResults().keySet());
        assertTrue(Files.exists(comma.resolve("_SUCCESS")) && Files.exists(semicolon.resolve("_SUCCESS")));
        assertTrue(readAllParts(comma).contains("\"\"\"\",1,\",\",-0.0\n"), "quoted fields in the comma files");
        assertTrue(readAllParts(semicolon).contains("\"\"\"\";1;,;-0.0\r\n"), "quoted fields in the semicolon files");
        List<Tuple4<String, Integer, String, Double>> fromComma = env.readCsvFile(comma.toString())
                .types(String.class, Integer.class, String.class, Double.class).collect();
        List<Tuple4<String, Integer, String, Double>> fromSemicolon = env.readCsvFile(semicolon.toString())
                .fieldDelimiter(";")
                .types(String.class, Integer.class, String.class, Double.class).collect();
        assertEquals(multiset(records), multiset(fromComma));
        assertEquals(multiset(records), multiset(fromSemicolon));
    }

    // ---- data ----

    /** One generated row; {@code note} is a column the tests skip, {@code qty} is sometimes missing. */
    private record Order(long id, String name, Integer qty, long priceCents, String note, boolean flag) {

        static List<Order> generate(Random random, int count) {
            List<Order> orders = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Integer qty = random.nextInt(50) == 0 ? null : random.nextInt(2_000) - 100;
                String note = random.nextInt(10) == 0 ? "\"note, with \"\"quotes\"\"\"" : "n" + random.nextInt(1000);
                orders.add(new Order(i + 1, randomName(random, i), qty, random.nextInt(1_000_000), note,
                        random.nextBoolean()));
            }
            return orders;
        }

        static String randomName(Random random, int i) {
            return switch (random.nextInt(6)) {
                case 0 -> "Smith, John " + i;
                case 1 -> "the \"best\" " + i;
                case 2 -> "grüße €" + i;
                default -> "customer" + i;
            };
        }

        String csvLine() {
            return id + "," + quoteIfNeeded(name) + "," + (qty == null ? "" : qty) + ","
                    + priceCents / 100 + "." + String.format("%02d", priceCents % 100) + "," + note + "," + flag;
        }

        Tuple5<Long, String, Integer, Double, Boolean> tuple() {
            return Tuple5.of(id, name, qty, Double.parseDouble(priceCents / 100 + "." + String.format("%02d",
                    priceCents % 100)), flag);
        }

        private static String quoteIfNeeded(String s) {
            return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }
    }

    /**
     * About 40 lines spread over the file, plus the first and last line, plus the lines that contain
     * the split boundaries at parallelism 4 (splits of total/4+1 bytes).
     */
    private static Set<Integer> badLineIndexes(List<String> lines, Random random) {
        Set<Integer> bad = new HashSet<>();
        bad.add(0);
        bad.add(lines.size() - 1);
        while (bad.size() < 42) {
            bad.add(random.nextInt(lines.size()));
        }
        long total = lines.stream().mapToLong(l -> l.getBytes(UTF_8).length + 1).sum();
        long splitSize = Math.max(MIB, total / 4 + 1);
        long offset = 0;
        for (int i = 0; i < lines.size(); i++) {
            long next = offset + lines.get(i).getBytes(UTF_8).length + 1;
            if (offset / splitSize != (next - 1) / splitSize || (offset > 0 && offset % splitSize == 0)) {
                bad.add(i);
            }
            offset = next;
        }
        return bad;
    }

    /**
     * Breaks a line in one of three ways (a letter in the id, a field too few, an unclosed quote),
     * keeping its length so that lines at split boundaries stay there.
     */
    private static String corrupt(String line, int i) {
        int lastComma = line.lastIndexOf(',');
        return switch (i % 3) {
            case 0 -> "x" + line.substring(1);
            case 1 -> line.substring(0, lastComma) + ";" + line.substring(lastComma + 1);
            default -> line.substring(0, lastComma + 1) + "\"" + line.substring(lastComma + 2);
        };
    }

    private static List<String> withHeader(List<String> lines) {
        List<String> all = new ArrayList<>(lines.size() + 1);
        all.add(HEADER);
        all.addAll(lines);
        return all;
    }

    private static void writeLines(Path file, List<String> lines, String lineEnd, boolean finalLineEnd)
            throws IOException {
        Files.writeString(file, String.join(lineEnd, lines) + (finalLineEnd ? lineEnd : ""), UTF_8);
    }

    private static String readAllParts(Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                text.append(Files.readString(part, UTF_8));
            }
        }
        return text.toString();
    }
}
