package dev.spindle.runtime.operators.join;

import dev.spindle.runtime.memory.SpillFiles;
import dev.spindle.runtime.sort.RecordIterator;
import java.io.IOException;

/**
 * The merge of a sort-merge join: reads two inputs sorted by the hash of their keys (see
 * {@link dev.spindle.runtime.sort.SortKeys#byKeyHash}) side by side, one group of equal key hash at
 * a time. A group found on one side only is unmatched as a whole; groups found on both sides are
 * joined by a {@link BlockNestedLoopJoin}: the first side's group in memory a block at a time, the
 * second side's group streamed past it — once when the first group fits into one block, else
 * written to a spill file on the first pass and re-read for every further block. So a key group
 * larger than memory (a key holding most of the data, on either side or both) still works; and
 * keys of equal hash that are not equal are told apart by the block's key comparison.
 *
 * <p>Records whose key is {@code null} must not reach the sorted inputs. Task thread only.
 */
final class SortMergeJoiner<A, B> {

    private final JoinSide<A> first;
    private final JoinSide<B> second;
    private final JoinCollector<A, B> collector;
    private final PagePool pool;
    private final SpillFiles files;
    private final BlockNestedLoopJoin<A, B> groupJoin;
    private long groupsOnBothSides;
    private long groupsSpilled;

    SortMergeJoiner(JoinSide<A> first, JoinSide<B> second, JoinCollector<A, B> collector, PagePool pool,
                    SpillFiles files) {
        this.first = first;
        this.second = second;
        this.collector = collector;
        this.pool = pool;
        this.files = files;
        this.groupJoin = new BlockNestedLoopJoin<>(first, second, collector, pool, files, 0);
        if (pool.free() < groupJoin.ioPages() + 2) {
            throw new IllegalArgumentException("The merge of a sort-merge join needs at least "
                    + (groupJoin.ioPages() + 2) + " pages, got " + pool.free());
        }
    }

    /** Joins the two sorted inputs; both are read to their end. */
    void join(RecordIterator<A> firstSorted, RecordIterator<B> secondSorted) throws Exception {
        Cursor<A> a = new Cursor<>(firstSorted, first);
        Cursor<B> b = new Cursor<>(secondSorted, second);
        while (a.current != null || b.current != null) {
            if (b.current == null || a.current != null && a.hash < b.hash) {
                a.skipGroup(first.keepsUnmatched() ? collector::unmatchedFirst : null);
            } else if (a.current == null || b.hash < a.hash) {
                b.skipGroup(second.keepsUnmatched() ? collector::unmatchedSecond : null);
            } else {
                groupsOnBothSides++;
                SecondGroup group = new SecondGroup(b);
                try {
                    groupJoin.run(a.group(), group);
                } finally {
                    group.discard();
                }
            }
        }
    }

    /** Key groups found on both sides. */
    long groupsOnBothSides() {
        return groupsOnBothSides;
    }

    /** Groups of the second side written to disk because the first side's group needed several blocks. */
    long groupsSpilled() {
        return groupsSpilled;
    }

    /** A sorted input with one record of look-ahead and its key hash. */
    private static final class Cursor<T> {

        private final RecordIterator<T> records;
        private final JoinSide<T> side;
        T current;
        int hash;

        Cursor(RecordIterator<T> records, JoinSide<T> side) throws Exception {
            this.records = records;
            this.side = side;
            advance();
        }

        void advance() throws Exception {
            current = records.next();
            if (current != null) {
                hash = JoinSide.hash(side.key(current));
            }
        }

        /** Moves past the current group, handing its records to {@code visitor} unless it is null. */
        void skipGroup(SerializedTable.RecordVisitor<T> visitor) throws Exception {
            int groupHash = hash;
            while (current != null && hash == groupHash) {
                if (visitor != null) {
                    visitor.accept(current);
                }
                advance();
            }
        }

        /** The current group, serialized, read once; afterwards the cursor is at the next group. */
        HashedRecords group() {
            int groupHash = hash;
            return new HashedRecords() {
                private boolean started;
                private int length;

                @Override
                public boolean next() throws Exception {
                    if (started) {
                        advance();
                    }
                    started = true;
                    if (current == null || hash != groupHash) {
                        return false;
                    }
                    length = side.serialize(current);
                    return true;
                }

                @Override
                public int hash() {
                    return groupHash;
                }

                @Override
                public byte[] bytes() {
                    return side.bytes();
                }

                @Override
                public int length() {
                    return length;
                }
            };
        }
    }

    /**
     * The second side's current group as a replayable input: the first pass reads it from the
     * cursor, and keeps it in a spill file if another pass follows; later passes read that file.
     */
    private final class SecondGroup implements ReplayableInput<B> {

        private final Cursor<B> cursor;
        private final int groupHash;
        private HashedRecordFile saved;

        SecondGroup(Cursor<B> cursor) {
            this.cursor = cursor;
            this.groupHash = cursor.hash;
        }

        @Override
        public Pass<B> open(boolean anotherPassFollows) throws IOException {
            if (saved != null) {
                return saved.asInput(second, files, pool).open(false);
            }
            HashedRecordFile.Writer writer = anotherPassFollows
                    ? new HashedRecordFile.Writer(files, pool.takeReserved()) : null;
            if (writer != null) {
                groupsSpilled++;
            }
            return new Pass<>() {
                private boolean started;

                @Override
                public B next() throws Exception {
                    if (started) {
                        cursor.advance();
                    }
                    started = true;
                    if (cursor.current == null || cursor.hash != groupHash) {
                        return null;
                    }
                    if (writer != null) {
                        int length = second.serialize(cursor.current);
                        writer.write(groupHash, second.bytes(), length);
                    }
                    return cursor.current;
                }

                @Override
                public void close() throws IOException {
                    if (writer != null) {
                        saved = writer.finish();
                        pool.give(writer.buffer());
                    }
                }
            };
        }

        void discard() {
            if (saved != null) {
                files.delete(saved.file());
            }
        }
    }
}
