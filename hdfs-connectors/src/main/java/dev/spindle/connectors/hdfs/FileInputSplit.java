package dev.spindle.connectors.hdfs;

import dev.spindle.runtime.io.InputSplit;

/** A byte range of one file. Records that start inside the range belong to the split. */
public record FileInputSplit(int splitNumber, String path, long start, long length, String[] hosts)
        implements InputSplit {
}
