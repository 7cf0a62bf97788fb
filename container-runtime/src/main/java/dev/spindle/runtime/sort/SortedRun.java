package dev.spindle.runtime.sort;

import java.io.File;

/**
 * A spill file holding {@code records} records in sort order, each written as its normalized key
 * (8 bytes), its serialized length (4 bytes) and its serialized bytes.
 */
record SortedRun(File file, long records, long bytes) {
}
