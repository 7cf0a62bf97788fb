package dev.spindle.connectors.hdfs.csv;

/**
 * A record that does not fit the expected CSV layout; the message says what is wrong with it but not
 * where it is (the reader adds that, see {@link MalformedCsvException}). Without a stack trace: in
 * the skipping mode it is thrown once per bad line and only counted.
 */
public final class CsvFormatException extends Exception {

    public CsvFormatException(String problem) {
        super(problem, null, false, false);
    }
}
