package dev.spindle.connectors.hdfs.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spindle.api.tuple.Tuple3;
import dev.spindle.api.tuple.Tuple4;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvRecordFormatterTest {

    @Test
    void shouldQuoteOnlyFieldsThatNeedIt() {
        CsvRecordFormatter<Tuple4<String, Long, String, String>> formatter = new CsvRecordFormatter<>(CsvDialect.DEFAULT);

        assertEquals("plain,7,\"a,b\",\"say \"\"hi\"\"\"", formatter.format(Tuple4.of("plain", 7L, "a,b", "say \"hi\"")));
        assertEquals(",,\"\",\"two\nlines\"", formatter.format(Tuple4.of(null, null, "", "two\nlines")));
    }

    @Test
    void shouldQuoteFieldsContainingCustomDelimiters() {
        CsvRecordFormatter<Tuple3<String, String, String>> formatter =
                new CsvRecordFormatter<>(new CsvDialect("::", "|", '\''));

        assertEquals("a,b::'c::d'::'e|f''s'", formatter.format(Tuple3.of("a,b", "c::d", "e|f's")));
    }

    @Test
    void shouldRejectRecordsThatAreNotTuples() {
        assertThrows(IllegalArgumentException.class, () -> new CsvRecordFormatter<>(CsvDialect.DEFAULT).format("text"));
    }

    @Test
    void shouldWriteWhatTheParserReadsBack() throws CsvFormatException {
        Random random = new Random(42);
        String alphabet = "ab,;\"' é€";
        for (CsvDialect dialect : new CsvDialect[] {CsvDialect.DEFAULT, new CsvDialect(";", "\r\n", '\'')}) {
            CsvRecordFormatter<Tuple3<String, Long, String>> formatter = new CsvRecordFormatter<>(dialect);
            CsvRecordParser parser = new CsvRecordParser(dialect, new Class<?>[] {String.class, Long.class, String.class});
            for (int n = 0; n < 2_000; n++) {
                Tuple3<String, Long, String> tuple = Tuple3.of(randomText(random, alphabet),
                        random.nextInt(5) == 0 ? null : random.nextLong(), randomText(random, alphabet));
                byte[] line = formatter.format(tuple).getBytes(UTF_8);
                Object[] values = new Object[3];

                parser.parse(line, 0, line.length, values);

                assertArrayEquals(new Object[] {tuple.f0, tuple.f1, tuple.f2}, values, new String(line, UTF_8));
            }
        }
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
