package dev.spindle.connectors.hdfs.csv;

import dev.spindle.api.NotRetryable;

import java.io.IOException;

/**
 * A CSV line that cannot be read, with its place: "Malformed CSV at file:/data/orders.csv line 17:
 * expected 4 fields, found 3: '1,foo,3'". Lines are numbered from 1, counting every line of the file
 * (header and empty lines included); the offending text is cut after {@value #MAX_TEXT_LENGTH}
 * characters.
 */
public final class MalformedCsvException extends IOException implements NotRetryable {

    static final int MAX_TEXT_LENGTH = 200;

    private final String path;
    private final long lineNumber;

    public MalformedCsvException(String path, long lineNumber, String problem, String line) {
        super("Malformed CSV at " + path + " line " + lineNumber + ": " + problem + ": '" + shorten(line) + "'");
        this.path = path;
        this.lineNumber = lineNumber;
    }

    public String path() {
        return path;
    }

    public long lineNumber() {
        return lineNumber;
    }

    static String shorten(String text) {
        return text.length() <= MAX_TEXT_LENGTH ? text : text.substring(0, MAX_TEXT_LENGTH) + "...";
    }
}
