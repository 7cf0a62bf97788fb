package dev.spindle.dataset;

/**
 * How a join runs. "First" is the data set {@code join} was called on (the left input), "second"
 * the argument (the right input).
 *
 * <ul>
 *   <li>Broadcast hints send the named input whole to every subtask of the join, where it becomes
 *   the hash table; the other input is not shuffled (the join runs with its parallelism). For a
 *   small input joined with a large one.</li>
 *   <li>Repartition hints hash-partition both inputs by key; the named input becomes the hash table
 *   (hybrid hash join, spilling what does not fit into memory), or both are sorted
 *   ({@link #REPARTITION_SORT_MERGE}).</li>
 * </ul>
 *
 * <p>Outer joins: a broadcast input can only be the inner side (a right outer join may broadcast the
 * left input, a left outer join the right one), since every subtask sees all of it and could not
 * know whether another subtask matched a record; any other combination is rejected when the join is
 * defined. Repartitioned hash joins track which build records matched, so they do every outer join.
 */
public enum JoinHint {

    /**
     * A repartition hash join whose hash table holds the smaller input, by the estimated sizes of
     * the inputs: sources know theirs (the serialized size of a collection, the length of the files
     * read), and filters, maps, reductions and repartitionings pass them on unchanged (an upper bound or
     * a guess); any other step makes the size unknown. If either size is unknown, the second input
     * is the hash table.
     */
    OPTIMIZER_CHOOSES,
    /** Broadcast the first input, build the hash table from it, stream the second through. */
    BROADCAST_HASH_FIRST,
    /** Broadcast the second input, build the hash table from it, stream the first through. */
    BROADCAST_HASH_SECOND,
    /** Hash-partition both inputs, build the hash table from the first. */
    REPARTITION_HASH_FIRST,
    /** Hash-partition both inputs, build the hash table from the second. */
    REPARTITION_HASH_SECOND,
    /** Hash-partition both inputs, sort both by key hash (external sort) and merge them. */
    REPARTITION_SORT_MERGE
}
