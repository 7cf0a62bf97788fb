package dev.spindle.runtime.operators;

/**
 * An operator that can tell from the hash of a record's key alone that the record would do
 * nothing: the probe input of an inner hash join whose table holds no record with that hash. An
 * iteration keeps the hash with every record of a cached loop-invariant input and, in the later
 * supersteps, skips the records the operator rules out without deserializing them, so that a
 * superstep with a small workset does not pay for every edge of the graph.
 */
public interface KeyHashFilter {

    /**
     * Whether records of {@code input} can be ruled out by key hash; the same answer for every
     * instance made from one operator spec, as the iteration asks once and relies on it after.
     */
    boolean filtersInput(int input);

    /** The key hash of {@code record} of {@code input}, the same for every instance made from one spec. */
    int keyHash(int input, Object record) throws Exception;

    /** False only if a record of {@code input} whose key hash is {@code hash} would do nothing if processed now. */
    boolean mayMatch(int input, int hash);
}
