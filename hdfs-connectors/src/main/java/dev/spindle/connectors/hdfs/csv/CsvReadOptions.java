package dev.spindle.connectors.hdfs.csv;

import java.io.Serializable;

/**
 * How to read CSV files, apart from the field types: the {@link CsvDialect}, which columns to read,
 * whether the first line of each file is a header, and what to do with a line that cannot be read.
 *
 * <p>By default all columns are read, so each line must have exactly as many fields as there are
 * types. With included columns (a mask such as {@code "1011"}: read columns 1, 3 and 4 of four), each
 * line must have exactly as many fields as the mask is long, and the mask must include as many
 * columns as there are types. A line with a different number of fields is malformed, which catches
 * unquoted delimiters and shifted columns.
 *
 * <p>Malformed lines fail the job by default ({@link MalformedCsvException} names file and line). With
 * {@link #withInvalidLinesSkipped(String)} they are skipped instead, counted in a {@code LongCounter}
 * accumulator of the given name (by default {@value #DEFAULT_SKIPPED_LINES_ACCUMULATOR}), which the job
 * result reports, and the first few per subtask are logged with their place.
 *
 * <p>Immutable; every {@code with...} method returns a changed copy.
 */
public final class CsvReadOptions implements Serializable {

    /** The accumulator that counts skipped malformed lines, unless the job names another. */
    public static final String DEFAULT_SKIPPED_LINES_ACCUMULATOR = "csv-skipped-lines";

    private static final CsvReadOptions DEFAULTS = new CsvReadOptions(CsvDialect.DEFAULT, null, false, null);

    private final CsvDialect dialect;
    private final boolean[] includedColumns;
    private final boolean skipFirstLine;
    private final String skippedLinesAccumulator;

    private CsvReadOptions(CsvDialect dialect, boolean[] includedColumns, boolean skipFirstLine,
                           String skippedLinesAccumulator) {
        this.dialect = dialect;
        this.includedColumns = includedColumns;
        this.skipFirstLine = skipFirstLine;
        this.skippedLinesAccumulator = skippedLinesAccumulator;
    }

    /** Comma-separated, double quotes, all columns, no header, malformed lines fail the job. */
    public static CsvReadOptions defaults() {
        return DEFAULTS;
    }

    public CsvReadOptions withDialect(CsvDialect newDialect) {
        return new CsvReadOptions(newDialect, includedColumns, skipFirstLine, skippedLinesAccumulator);
    }

    /** Reads only the columns marked {@code true}; the file has exactly {@code mask.length} columns. */
    public CsvReadOptions withIncludedColumns(boolean... mask) {
        if (mask.length == 0) {
            throw new IllegalArgumentException("The mask of included CSV columns is empty");
        }
        return new CsvReadOptions(dialect, mask.clone(), skipFirstLine, skippedLinesAccumulator);
    }

    /** The mask as text: one character per column, {@code 1}/{@code T} to read it, {@code 0}/{@code F} to skip it. */
    public CsvReadOptions withIncludedColumns(String mask) {
        boolean[] included = new boolean[mask.length()];
        for (int i = 0; i < included.length; i++) {
            char c = mask.charAt(i);
            if (c == '1' || c == 'T' || c == 't') {
                included[i] = true;
            } else if (c != '0' && c != 'F' && c != 'f') {
                throw new IllegalArgumentException("Invalid CSV column mask '" + mask
                        + "': use one character per column, 1 (or T) to read it and 0 (or F) to skip it");
            }
        }
        return withIncludedColumns(included);
    }

    /** The first line of every file is a header and is not read as data. */
    public CsvReadOptions withFirstLineSkipped() {
        return new CsvReadOptions(dialect, includedColumns, true, skippedLinesAccumulator);
    }

    /** Skips malformed lines and counts them in the named {@code LongCounter} accumulator. */
    public CsvReadOptions withInvalidLinesSkipped(String accumulatorName) {
        if (accumulatorName == null || accumulatorName.isEmpty()) {
            throw new IllegalArgumentException("Name the accumulator that counts skipped CSV lines");
        }
        return new CsvReadOptions(dialect, includedColumns, skipFirstLine, accumulatorName);
    }

    public CsvDialect dialect() {
        return dialect;
    }

    public boolean skipFirstLine() {
        return skipFirstLine;
    }

    public boolean skipInvalidLines() {
        return skippedLinesAccumulator != null;
    }

    /** The accumulator counting skipped lines, or {@code null} if malformed lines fail the job. */
    public String skippedLinesAccumulator() {
        return skippedLinesAccumulator;
    }

    /**
     * One entry per column of the file: the class to read it as, or {@code null} for a skipped column.
     *
     * @throws IllegalArgumentException if the types do not match the included columns
     */
    Class<?>[] columnClasses(Class<?>[] fieldTypes) {
        if (includedColumns == null) {
            return fieldTypes.clone();
        }
        int included = 0;
        for (boolean b : includedColumns) {
            included += b ? 1 : 0;
        }
        if (included != fieldTypes.length) {
            throw new IllegalArgumentException("The CSV column mask includes " + included + " columns, but "
                    + fieldTypes.length + " field types were given");
        }
        Class<?>[] columns = new Class<?>[includedColumns.length];
        int next = 0;
        for (int c = 0; c < columns.length; c++) {
            columns[c] = includedColumns[c] ? fieldTypes[next++] : null;
        }
        return columns;
    }
}
