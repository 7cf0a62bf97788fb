package dev.spindle.runtime.operators.join;

import java.io.IOException;

/** A sequence of serialized join records with their key hashes, read once. */
interface HashedRecords {

    /** Moves to the next record; false at the end. */
    boolean next() throws IOException;

    int hash();

    /** The current record's bytes, valid until {@link #next()}. */
    byte[] bytes();

    int length();
}
