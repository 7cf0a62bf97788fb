package dev.spindle.runtime.sort;

import java.io.IOException;

/**
 * A pull iterator over records that may read from disk: {@link #next()} returns {@code null} at the
 * end. Used by the thread that created it.
 */
@FunctionalInterface
public interface RecordIterator<T> {

    /** The next record, or {@code null} when there are no more. */
    T next() throws IOException;
}
