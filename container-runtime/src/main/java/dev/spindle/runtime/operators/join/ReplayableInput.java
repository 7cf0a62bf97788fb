package dev.spindle.runtime.operators.join;

import java.io.Closeable;
import java.io.IOException;

/** The records of one join input, which can be read in several passes. */
interface ReplayableInput<T> {

    /**
     * Starts a pass over all records, in the same order every time. On the first pass
     * {@code anotherPassFollows} tells the input whether it must keep its records for later passes.
     */
    Pass<T> open(boolean anotherPassFollows) throws IOException;

    /** Hands every record to {@code visitor} in one pass that is not followed by another. */
    default void forEach(SerializedTable.RecordVisitor<T> visitor) throws Exception {
        try (Pass<T> pass = open(false)) {
            for (T record = pass.next(); record != null; record = pass.next()) {
                visitor.accept(record);
            }
        }
    }

    /** One pass; {@link #close()} frees what it used. */
    interface Pass<T> extends Closeable {

        /** The next record, a new object, or {@code null} at the end. */
        T next() throws Exception;
    }
}
