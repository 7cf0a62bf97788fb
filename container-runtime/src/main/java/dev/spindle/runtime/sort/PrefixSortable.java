package dev.spindle.runtime.sort;

/**
 * An {@link IndexedSortable} whose entries carry normalized keys (see {@link SortKey}): the unsigned
 * order of two different prefixes is the order of their entries, and equal prefixes decide only when
 * they are decisive.
 */
interface PrefixSortable extends IndexedSortable {

    /** The normalized key of entry {@code i}. */
    long prefix(int i);

    /** Whether entries that share this prefix are equal in sort order. */
    boolean isDecisive(long prefix);
}
