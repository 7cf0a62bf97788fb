package dev.spindle.dataset;

import dev.spindle.api.tuple.Tuple;
import dev.spindle.api.tuple.Tuple1;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.api.tuple.Tuple4;
import dev.spindle.api.tuple.Tuple5;
import dev.spindle.api.tuple.Tuple6;
import dev.spindle.api.tuple.Tuple7;
import dev.spindle.api.tuple.Tuple8;
import dev.spindle.connectors.hdfs.csv.CsvDialect;
import dev.spindle.connectors.hdfs.csv.CsvInputFormat;
import dev.spindle.connectors.hdfs.csv.CsvReadOptions;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.serialization.TupleSerializer;

/**
 * Configures how {@link ExecutionEnvironment#readCsvFile} reads a CSV file (or every visible file of
 * a directory), and turns it into a data set of tuples with {@code types(...)}:
 *
 * <pre>{@code
 * DataSet<Tuple3<Long, String, Double>> orders = env.readCsvFile("hdfs:///data/orders")
 *         .ignoreFirstLine()
 *         .includeFields("1101")          // the files have 4 columns; read the 1st, 2nd and 4th
 *         .types(Long.class, String.class, Double.class);
 * }</pre>
 *
 * <p>Each line is one record. Defaults: fields separated by {@code ,}, lines by {@code \n} (also
 * accepting {@code \r\n}), fields quoted with {@code "} (a quote inside written as {@code ""}), no
 * header, all columns read. A line must have exactly as many fields as there are columns (types, or
 * the mask's length). Empty fields read as {@code ""} for String, {@code null} for boxed types
 * ({@code Integer.class}) and are malformed for primitive types ({@code int.class}). Empty lines are
 * passed over.
 *
 * <p>A malformed line fails the job, naming the file and the line number. After
 * {@link #ignoreInvalidLines()} such lines are skipped instead and counted in the accumulator
 * {@value #SKIPPED_LINES_ACCUMULATOR} of the job result ({@link JobExecutionResult#getAccumulatorResult},
 * a {@code Long}; after {@code collect()} see {@link ExecutionEnvironment#getLastJobExecutionResult()}).
 *
 * <p>Supported field types: String, int, long, short, byte, double, float, boolean (and their boxes),
 * BigDecimal and BigInteger. Not thread-safe; a builder for one source.
 */
public final class CsvReader {

    /** The accumulator that counts lines skipped by {@link #ignoreInvalidLines()}. */
    public static final String SKIPPED_LINES_ACCUMULATOR = CsvReadOptions.DEFAULT_SKIPPED_LINES_ACCUMULATOR;

    private final String path;
    private final ExecutionEnvironment env;
    private CsvReadOptions options = CsvReadOptions.defaults();
    /** Checked together when the source is built, so the order of the setters does not matter. */
    private String fieldDelimiter = CsvDialect.DEFAULT.fieldDelimiter();
    private String lineDelimiter = CsvDialect.DEFAULT.lineDelimiter();
    private char quoteCharacter = CsvDialect.DEFAULT.quoteCharacter();

    CsvReader(String path, ExecutionEnvironment env) {
        this.path = path;
        this.env = env;
    }

    public CsvReader fieldDelimiter(String delimiter) {
        fieldDelimiter = delimiter;
        return this;
    }

    /** The string that ends lines; {@code "\n"} (the default) also accepts {@code "\r\n"}. */
    public CsvReader lineDelimiter(String delimiter) {
        lineDelimiter = delimiter;
        return this;
    }

    public CsvReader quoteCharacter(char quote) {
        quoteCharacter = quote;
        return this;
    }

    /** The first line of each file is a header, not data. */
    public CsvReader ignoreFirstLine() {
        options = options.withFirstLineSkipped();
        return this;
    }

    /** Which columns to read: one character per column of the files, {@code 1} to read it, {@code 0} to skip it. */
    public CsvReader includeFields(String mask) {
        options = options.withIncludedColumns(mask);
        return this;
    }

    /** Which columns to read: one entry per column of the files. */
    public CsvReader includeFields(boolean... mask) {
        options = options.withIncludedColumns(mask);
        return this;
    }

    /** Skips malformed lines and counts them in the accumulator {@value #SKIPPED_LINES_ACCUMULATOR}. */
    public CsvReader ignoreInvalidLines() {
        return ignoreInvalidLines(SKIPPED_LINES_ACCUMULATOR);
    }

    /** Skips malformed lines and counts them in the named accumulator (to tell several CSV sources apart). */
    public CsvReader ignoreInvalidLines(String accumulatorName) {
        options = options.withInvalidLinesSkipped(accumulatorName);
        return this;
    }

    // ---- the record type ----

    public <T0> DataSet<Tuple1<T0>> types(Class<T0> t0) {
        return build(t0);
    }

    public <T0, T1> DataSet<Tuple2<T0, T1>> types(Class<T0> t0, Class<T1> t1) {
        return build(t0, t1);
    }

    public <T0, T1, T2> DataSet<Tuple3<T0, T1, T2>> types(Class<T0> t0, Class<T1> t1, Class<T2> t2) {
        return build(t0, t1, t2);
    }

    public <T0, T1, T2, T3> DataSet<Tuple4<T0, T1, T2, T3>> types(Class<T0> t0, Class<T1> t1, Class<T2> t2,
                                                                  Class<T3> t3) {
        return build(t0, t1, t2, t3);
    }

    public <T0, T1, T2, T3, T4> DataSet<Tuple5<T0, T1, T2, T3, T4>> types(
            Class<T0> t0, Class<T1> t1, Class<T2> t2, Class<T3> t3, Class<T4> t4) {
        return build(t0, t1, t2, t3, t4);
    }

    public <T0, T1, T2, T3, T4, T5> DataSet<Tuple6<T0, T1, T2, T3, T4, T5>> types(
            Class<T0> t0, Class<T1> t1, Class<T2> t2, Class<T3> t3, Class<T4> t4, Class<T5> t5) {
        return build(t0, t1, t2, t3, t4, t5);
    }

    public <T0, T1, T2, T3, T4, T5, T6> DataSet<Tuple7<T0, T1, T2, T3, T4, T5, T6>> types(
            Class<T0> t0, Class<T1> t1, Class<T2> t2, Class<T3> t3, Class<T4> t4, Class<T5> t5, Class<T6> t6) {
        return build(t0, t1, t2, t3, t4, t5, t6);
    }

    public <T0, T1, T2, T3, T4, T5, T6, T7> DataSet<Tuple8<T0, T1, T2, T3, T4, T5, T6, T7>> types(
            Class<T0> t0, Class<T1> t1, Class<T2> t2, Class<T3> t3, Class<T4> t4, Class<T5> t5, Class<T6> t6,
            Class<T7> t7) {
        return build(t0, t1, t2, t3, t4, t5, t6, t7);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T extends Tuple> DataSet<T> build(Class<?>... fieldTypes) {
        CsvDialect dialect = new CsvDialect(fieldDelimiter, lineDelimiter, quoteCharacter);
        CsvInputFormat<T> format = new CsvInputFormat<>(path, options.withDialect(dialect), fieldTypes);
        Class<?>[] valueClasses = CsvInputFormat.valueClasses(fieldTypes);
        TypeSerializer<?>[] fieldSerializers = new TypeSerializer<?>[valueClasses.length];
        for (int i = 0; i < valueClasses.length; i++) {
            fieldSerializers[i] = Serializers.forClass(valueClasses[i]);
        }
        Class<? extends Tuple> tupleClass = Tuple.ofArity(fieldTypes.length).getClass();
        TypeSerializer<T> serializer = new TupleSerializer(tupleClass, fieldSerializers);
        return env.createInput(format, format.describe(), serializer);
    }
}
