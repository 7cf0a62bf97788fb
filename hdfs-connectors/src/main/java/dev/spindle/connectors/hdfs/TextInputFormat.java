package dev.spindle.connectors.hdfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the lines of a text file, or of every visible file of a directory, over any Hadoop file
 * system, split as {@link DelimitedFileInputFormat} describes. Line ends are {@code \n} with an
 * optional preceding {@code \r}; lines are UTF-8.
 */
public final class TextInputFormat extends DelimitedFileInputFormat<String> {

    private static final byte[] NEWLINE = {'\n'};

    public TextInputFormat(String path) {
        super(path);
    }

    @Override
    public String describe() {
        return "TextFile(" + path() + ")";
    }

    @Override
    protected byte[] lineDelimiter() {
        return NEWLINE;
    }

    @Override
    public String nextRecord() throws IOException {
        DelimitedSplitReader reader = nextLine();
        if (reader == null) {
            return null;
        }
        byte[] bytes = reader.bytes();
        int start = reader.start();
        int end = reader.end();
        if (end > start && bytes[end - 1] == '\r') {
            end--;
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }
}
