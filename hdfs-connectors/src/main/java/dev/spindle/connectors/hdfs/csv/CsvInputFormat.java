package dev.spindle.connectors.hdfs.csv;

import dev.spindle.api.accumulators.Accumulator;
import dev.spindle.api.accumulators.LongCounter;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.tuple.Tuple;
import dev.spindle.connectors.hdfs.DelimitedFileInputFormat;
import dev.spindle.connectors.hdfs.DelimitedSplitReader;
import dev.spindle.connectors.hdfs.FileInputSplit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reads CSV files (a file, or every visible file of a directory, on any Hadoop file system) as tuples
 * with one field per type given, 1 to {@value Tuple#MAX_ARITY}. Files are split like text files; each
 * line is one record (see {@link CsvDialect}, {@link CsvRecordParser} for quoting and empty fields,
 * and {@link CsvReadOptions} for columns, headers and malformed lines). Empty lines carry no record and
 * are passed over; the header, if any, is the first line of each file.
 *
 * <p>A malformed line fails the job with a {@link MalformedCsvException} naming the file and the
 * line's number in it, or, if the options say so, is skipped and counted in an accumulator. Line
 * numbers are exact in every split; a split that does not start at the beginning of its file counts
 * the lines in front of it only when it first has to report one.
 *
 * <p>Instances are copied to each subtask; each copy is used by its task thread only.
 */
public final class CsvInputFormat<T extends Tuple> extends DelimitedFileInputFormat<T> {

    private static final Logger LOG = LogManager.getLogger(CsvInputFormat.class);
    /** Skipped lines logged with their place, per subtask; later ones are only counted. */
    private static final int LOGGED_SKIPS = 10;

    private final CsvReadOptions options;
    private final Class<?>[] columnClasses;
    private final int arity;
    private transient CsvRecordParser parser;
    private transient Object[] values;
    private transient LongCounter skippedLines;
    private transient int loggedSkips;

    /**
     * @throws IllegalArgumentException if there are no or more than {@value Tuple#MAX_ARITY} types, a
     *                                  type is not supported, or the types do not match the included columns
     */
    public CsvInputFormat(String path, CsvReadOptions options, Class<?>... fieldTypes) {
        super(path);
        if (fieldTypes.length < 1 || fieldTypes.length > Tuple.MAX_ARITY) {
            throw new IllegalArgumentException("Give between 1 and " + Tuple.MAX_ARITY
                    + " CSV field types, got " + fieldTypes.length);
        }
        for (Class<?> type : fieldTypes) {
            CsvFieldType.forClass(type);
        }
        this.options = options;
        this.columnClasses = options.columnClasses(fieldTypes);
        this.arity = fieldTypes.length;
    }

    /** The classes of the fields of the tuples produced (primitive types boxed). */
    public static Class<?>[] valueClasses(Class<?>... fieldTypes) {
        Class<?>[] classes = new Class<?>[fieldTypes.length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = CsvFieldType.forClass(fieldTypes[i]).valueClass();
        }
        return classes;
    }

    @Override
    public String describe() {
        return "CsvFile(" + path() + ")";
    }

    @Override
    protected byte[] lineDelimiter() {
        return options.dialect().lineDelimiterBytes();
    }

    /** Registers the skipped-lines counter, when malformed lines are skipped. */
    @Override
    public void setRuntimeContext(RuntimeContext context) {
        if (!options.skipInvalidLines()) {
            return;
        }
        String name = options.skippedLinesAccumulator();
        Accumulator<Long, Long> existing = context.getAccumulator(name);
        if (existing == null) {
            skippedLines = new LongCounter();
            context.addAccumulator(name, skippedLines);
        } else if (existing instanceof LongCounter counter) {
            skippedLines = counter;
        } else {
            throw new IllegalStateException("The accumulator '" + name + "' for skipped CSV lines is already "
                    + "used for a " + existing.getClass().getSimpleName() + "; choose another name");
        }
    }

    /** Malformed lines skipped by this subtask so far; 0 if they fail the job instead. */
    public long skippedLines() {
        return skippedLines == null ? 0 : skippedLines.getLocalValue();
    }

    @Override
    public void open(FileInputSplit split) throws IOException {
        if (parser == null) {
            parser = new CsvRecordParser(options.dialect(), columnClasses);
            values = new Object[arity];
        }
        if (skippedLines == null && options.skipInvalidLines()) {
            skippedLines = new LongCounter();
        }
        super.open(split);
    }

    /** The next line's tuple, or {@code null} for a header, an empty line or a skipped malformed line. */
    @Override
    @SuppressWarnings("unchecked")
    public T nextRecord() throws IOException {
        DelimitedSplitReader reader = nextLine();
        if (reader == null) {
            return null;
        }
        if (options.skipFirstLine() && reader.isFirstRecordOfFile()) {
            return null;
        }
        byte[] bytes = reader.bytes();
        int start = reader.start();
        int end = reader.end();
        if (end > start && bytes[end - 1] == '\r' && options.dialect().dropsCarriageReturn()) {
            end--;
        }
        if (end == start) {
            return null;
        }
        try {
            parser.parse(bytes, start, end, values);
        } catch (CsvFormatException e) {
            return malformed(reader, e.getMessage(), bytes, start, end);
        }
        Tuple tuple = Tuple.ofArity(arity);
        for (int i = 0; i < arity; i++) {
            tuple.setField(i, values[i]);
        }
        return (T) tuple;
    }

    /** Fails, or counts (and logs the first few of) a malformed line. */
    private T malformed(DelimitedSplitReader reader, String problem, byte[] bytes, int start, int end)
            throws IOException {
        if (!options.skipInvalidLines()) {
            throw located(reader, problem, bytes, start, end);
        }
        skippedLines.add(1L);
        if (loggedSkips < LOGGED_SKIPS) {
            loggedSkips++;
            LOG.warn("Skipping and counting in accumulator '{}': {}{}", options.skippedLinesAccumulator(),
                    located(reader, problem, bytes, start, end).getMessage(),
                    loggedSkips == LOGGED_SKIPS ? " (further malformed lines of this subtask are only counted)" : "");
        }
        return null;
    }

    private static MalformedCsvException located(DelimitedSplitReader reader, String problem, byte[] bytes, int start,
                                                 int end) throws IOException {
        // Enough bytes for more than the shortened text even if every character took four.
        int length = Math.min(end - start, 4 * MalformedCsvException.MAX_TEXT_LENGTH + 4);
        String text = new String(bytes, start, length, StandardCharsets.UTF_8);
        return new MalformedCsvException(reader.path(), reader.lineNumber(), problem, text);
    }

}
