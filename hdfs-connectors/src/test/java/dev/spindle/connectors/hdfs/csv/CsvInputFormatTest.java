package dev.spindle.connectors.hdfs.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.accumulators.DoubleCounter;
import dev.spindle.api.accumulators.LongCounter;
import dev.spindle.api.tuple.Tuple;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.connectors.hdfs.FileInputSplit;
import dev.spindle.runtime.testing.TestingOperatorContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInputFormatTest {

    /** Small splits, so that short test files have many of them. */
    private static final long SPLIT_SIZE = 1000;

    @TempDir
    Path tempDir;

    @Test
    void shouldNameFileAndExactLineOfAMalformedLineInALaterSplit() throws IOException {
        List<String> lines = numberedLines(600);
        lines.set(376, "377,broken");
        Path file = write("orders.csv", String.join("\n", lines) + "\n");
        assertTrue(Files.readString(file).indexOf("377,broken") > 3 * SPLIT_SIZE, "bad line should be in a later split");
        CsvInputFormat<Tuple3<Long, String, Long>> format =
                new CsvInputFormat<>(file.toString(), CsvReadOptions.defaults(), long.class, String.class, long.class);

        MalformedCsvException e = assertThrows(MalformedCsvException.class, () -> readAll(format, file));

        assertEquals("Malformed CSV at " + file + " line 377: expected 3 fields, found 2: '377,broken'", e.getMessage());
        assertEquals(377, e.lineNumber());
    }

    @Test
    void shouldCountHeaderAndEmptyLinesInLineNumbers() throws IOException {
        Path file = write("crlf.csv", "id,name\r\n1,a\r\n\r\n2,b\r\nx,c\r\n");
        CsvInputFormat<Tuple2<Long, String>> format = new CsvInputFormat<>(file.toString(),
                CsvReadOptions.defaults().withFirstLineSkipped(), Long.class, String.class);

        MalformedCsvException e = assertThrows(MalformedCsvException.class, () -> readAll(format, file));

        assertEquals("Malformed CSV at " + file + " line 5: field 1 'x' is not a long: 'x,c'", e.getMessage());
    }

    @Test
    void shouldSkipTheHeaderOnlyAtTheStartOfTheFile() throws IOException {
        List<String> lines = numberedLines(400);
        lines.add(0, "id,name,double");
        Path file = write("header.csv", String.join("\n", lines));
        CsvInputFormat<Tuple3<Long, String, Long>> format = new CsvInputFormat<>(file.toString(),
                CsvReadOptions.defaults().withFirstLineSkipped(), long.class, String.class, long.class);

        List<Tuple3<Long, String, Long>> records = readAll(format, file);

        assertEquals(400, records.size());
        for (int i = 0; i < records.size(); i++) {
            assertEquals(Tuple3.of(i + 1L, "name " + (i + 1), 2L * (i + 1)), records.get(i));
        }
    }

    @Test
    void shouldSkipAndCountMalformedLinesAndReadTheRest() throws IOException {
        List<String> lines = numberedLines(500);
        int[] bad = {0, 99, 100, 250, 499};
        for (int i : bad) {
            lines.set(i, i % 2 == 0 ? (i + 1) + ",\"unterminated,1" : (i + 1) + ",x,notanumber");
        }
        Path file = write("dirty.csv", String.join("\n", lines) + "\n");
        CsvInputFormat<Tuple3<Long, String, Long>> format = new CsvInputFormat<>(file.toString(),
                CsvReadOptions.defaults().withInvalidLinesSkipped("bad"), long.class, String.class, long.class);
        TestingOperatorContext context = new TestingOperatorContext();
        format.setRuntimeContext(context);

        List<Tuple3<Long, String, Long>> records = readAll(format, file);

        assertEquals(500 - bad.length, records.size());
        assertEquals(5L, ((LongCounter) context.accumulators().get("bad")).getLocalValue());
        assertEquals(5L, format.skippedLines());
        assertTrue(records.stream().noneMatch(t -> t.f0 == 100L || t.f0 == 101L || t.f0 == 500L));
    }

    @Test
    void shouldReadOnlyIncludedColumnsWithACustomLineDelimiter() throws IOException {
        Path file = write("pipes.csv", "1;skip;a|2;\"skip;too\";b|");
        CsvInputFormat<Tuple2<Integer, String>> format = new CsvInputFormat<>(file.toString(),
                CsvReadOptions.defaults().withDialect(new CsvDialect(";", "|", '"')).withIncludedColumns("101"),
                Integer.class, String.class);

        assertEquals(List.of(Tuple2.of(1, "a"), Tuple2.of(2, "b")), readAll(format, file));
    }

    @Test
    void shouldShortenAVeryLongOffendingLine() throws IOException {
        Path file = write("long.csv", "1,2\n" + "x".repeat(100_000) + "\n");
        CsvInputFormat<Tuple2<Long, Long>> format =
                new CsvInputFormat<>(file.toString(), CsvReadOptions.defaults(), long.class, long.class);

        MalformedCsvException e = assertThrows(MalformedCsvException.class, () -> readAll(format, file));

        assertTrue(e.getMessage().endsWith(": '" + "x".repeat(200) + "...'"), e.getMessage());
        assertEquals(2, e.lineNumber());
    }

    @Test
    void shouldRejectTypesThatDoNotFitTheColumns() {
        CsvReadOptions mask = CsvReadOptions.defaults().withIncludedColumns("1010");
        assertThrows(IllegalArgumentException.class, () -> new CsvInputFormat<>("x", mask, long.class));
        assertThrows(IllegalArgumentException.class, () -> new CsvInputFormat<>("x", CsvReadOptions.defaults()));
        assertThrows(IllegalArgumentException.class,
                () -> new CsvInputFormat<>("x", CsvReadOptions.defaults(), Object.class));
        Class<?>[] nine = new Class<?>[9];
        java.util.Arrays.fill(nine, int.class);
        assertThrows(IllegalArgumentException.class, () -> new CsvInputFormat<>("x", CsvReadOptions.defaults(), nine));
        assertThrows(IllegalArgumentException.class, () -> CsvReadOptions.defaults().withIncludedColumns("10x"));
    }

    @Test
    void shouldRefuseAnAccumulatorNameTakenByAnotherKind() {
        TestingOperatorContext context = new TestingOperatorContext();
        context.addAccumulator("taken", new DoubleCounter());
        CsvInputFormat<Tuple> format = new CsvInputFormat<>("x",
                CsvReadOptions.defaults().withInvalidLinesSkipped("taken"), long.class);

        assertThrows(IllegalStateException.class, () -> format.setRuntimeContext(context));
    }

    /** "i,name i,2i" for i = 1..n. */
    private static List<String> numberedLines(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            lines.add(i + ",name " + i + "," + 2L * i);
        }
        return lines;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tempDir.resolve(name), text, UTF_8);
    }

    /** Reads the file split by split, in order. */
    private static <T extends Tuple> List<T> readAll(CsvInputFormat<T> format, Path file) throws IOException {
        long length = Files.size(file);
        List<T> records = new ArrayList<>();
        for (long start = 0; start < length; start += SPLIT_SIZE) {
            format.open(new FileInputSplit(0, file.toString(), start, Math.min(SPLIT_SIZE, length - start),
                    new String[0]));
            try {
                while (!format.reachedEnd()) {
                    T record = format.nextRecord();
                    if (record != null) {
                        records.add(record);
                    }
                }
            } finally {
                format.close();
            }
        }
        return records;
    }
}
