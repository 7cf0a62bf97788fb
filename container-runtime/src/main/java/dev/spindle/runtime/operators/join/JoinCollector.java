package dev.spindle.runtime.operators.join;

/**
 * Receives what a join algorithm finds, in terms of its own two inputs (first and second; for a
 * hash join the build and the probe side): matching pairs and, for the sides an outer join keeps,
 * records without a match. Each call gets record objects of its own, which the receiver may keep or
 * change.
 */
interface JoinCollector<A, B> {

    void match(A first, B second) throws Exception;

    void unmatchedFirst(A first) throws Exception;

    void unmatchedSecond(B second) throws Exception;
}
