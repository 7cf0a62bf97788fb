package dev.spindle.runtime.operators.join;

/** A sequence of serialized join records with their key hashes, read once. */
interface HashedRecords {

    /** Moves to the next record; false at the end. */
    boolean next() throws Exception;

    int hash();

    /** The current record's bytes, valid until {@link #next()}. */
    byte[] bytes();

    int length();
}
