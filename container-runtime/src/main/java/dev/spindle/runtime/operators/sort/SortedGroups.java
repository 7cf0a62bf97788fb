package dev.spindle.runtime.operators.sort;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.sort.RecordIterator;
import dev.spindle.runtime.sort.SortKey;
import dev.spindle.runtime.sort.SortKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Walks a record stream sorted by a grouping key one group at a time: {@link #nextGroup()} moves to
 * the next key, {@link #values()} streams that key's records straight from the sorted stream, so a
 * group may be larger than memory. Moving on skips whatever the previous group's reader left unread.
 * A group's values can be iterated once, and only until the next call of {@code nextGroup()}; an
 * I/O failure while reading them surfaces as an {@link UncheckedIOException}.
 *
 * <p>Used by the task thread that owns the sorted stream.
 */
public final class SortedGroups<T> {

    private final RecordIterator<T> records;
    private final KeySelector<T, ?> keySelector;
    private final SortKey<Object, Object> keyOrder;
    /** The first record not handed out yet, or null at the end of the stream. */
    private T next;
    private Object nextKey;
    private Object groupKey;
    private GroupValues group;

    /**
     * @param records sorted so that records with equal keys (by {@code keyOrder}) are adjacent
     * @param keySelector the grouping key
     * @param keyOrder compares grouping keys; 0 means same group
     */
    public SortedGroups(RecordIterator<T> records, KeySelector<T, ?> keySelector, SortKey<Object, Object> keyOrder)
            throws IOException {
        this.records = records;
        this.keySelector = keySelector;
        this.keyOrder = keyOrder;
        advance();
    }

    /** Moves to the next group; false when there is none. */
    public boolean nextGroup() throws IOException {
        if (group != null) {
            group.skipRest();
        }
        if (next == null) {
            group = null;
            return false;
        }
        groupKey = nextKey;
        group = new GroupValues();
        return true;
    }

    /** The key of the current group. */
    public Object key() {
        checkGroup();
        return groupKey;
    }

    /** The records of the current group, in stream order; iterable once. */
    public Iterable<T> values() {
        checkGroup();
        return group;
    }

    private void checkGroup() {
        if (group == null) {
            throw new IllegalStateException("No current group; call nextGroup() first");
        }
    }

    @SuppressWarnings("unchecked")
    private void advance() throws IOException {
        next = records.next();
        nextKey = next == null ? null : SortKeys.keyOf((KeySelector<T, Object>) keySelector, next);
    }

    /** The current group's records: the stream up to the first record of another key. */
    private final class GroupValues implements Iterable<T>, Iterator<T> {

        private boolean iterated;
        private boolean done;

        @Override
        public Iterator<T> iterator() {
            if (iterated) {
                throw new IllegalStateException("The records of a group can be iterated only once; "
                        + "copy them into a collection to go over them again");
            }
            iterated = true;
            return this;
        }

        @Override
        public boolean hasNext() {
            if (!done && (next == null || keyOrder.compare(nextKey, groupKey) != 0)) {
                done = true;
            }
            return !done;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T record = next;
            try {
                advance();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the sorted records of a group", e);
            }
            return record;
        }

        void skipRest() throws IOException {
            while (hasNext()) {
                advance();
            }
            iterated = true;
        }
    }
}
