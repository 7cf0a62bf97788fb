package dev.spindle.runtime.operators.join;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.memory.MemoryAllocationException;
import dev.spindle.runtime.operators.Operator;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.ExternalSorter;
import dev.spindle.runtime.sort.SortKeys;
import dev.spindle.runtime.sort.SortOptions;

/**
 * A sort-merge join: both inputs, read in any order, go into an {@link ExternalSorter} each, ordered
 * by the hash of their keys; when both ended, a {@link SortMergeJoiner} merges them. Handles every
 * join type and any key distribution. Records with a {@code null} key match nothing: they are emitted
 * at once if their side is kept, else dropped.
 *
 * <p>Memory: its share of managed memory ({@code managedMemoryPages()}) goes a quarter (at least
 * {@link #GROUP_PAGES}) to the merge's key-group blocks and the rest to the two sorters in equal parts.
 * {@code dispose} gives back all of it and deletes all spill files, also after failures.
 */
public final class SortMergeJoinOperator<L, R, O> extends Operator<O> {

    /** Fewest pages for the key-group blocks of the merge. */
    static final int GROUP_PAGES = 8;
    /** Fewest pages a sort-merge join works with. */
    public static final int MIN_PAGES = GROUP_PAGES + 2 * ExternalSorter.MIN_PAGES;

    private final JoinSpec<L, R> spec;
    private transient JoinEmitter<L, R, O> emitter;
    private transient JoinMemory memory;
    private transient JoinSide<L> left;
    private transient JoinSide<R> right;
    private transient ExternalSorter<L, ?> leftSorter;
    private transient ExternalSorter<R, ?> rightSorter;
    private transient SortMergeJoiner<L, R> joiner;
    private transient boolean[] ended;

    public SortMergeJoinOperator(JoinSpec<L, R> spec) {
        this.spec = spec;
    }

    @Override
    public void open() throws Exception {
        emitter = new JoinEmitter<>(spec.function(), output);
        emitter.open(context);
        memory = new JoinMemory(context);
        int pages = memory.sharePages(MIN_PAGES);
        int groupPages = Math.max(GROUP_PAGES, pages / 4);
        int sorterPages = (pages - groupPages) / 2;
        left = new JoinSide<>(spec.leftSerializer(), spec.leftKey(), spec.type().keepsUnmatchedLeft());
        right = new JoinSide<>(spec.rightSerializer(), spec.rightKey(), spec.type().keepsUnmatchedRight());
        leftSorter = sorter(spec.leftSerializer(), spec.leftKey(), sorterPages);
        rightSorter = sorter(spec.rightSerializer(), spec.rightKey(), sorterPages);
        joiner = new SortMergeJoiner<>(left, right, emitter.leftFirst(), memory.pool(groupPages), memory.files());
        ended = new boolean[2];
    }

    private <T, K> ExternalSorter<T, K> sorter(TypeSerializer<T> serializer, KeySelector<T, K> key, int pages)
            throws MemoryAllocationException {
        return ExternalSorter.builder(serializer, SortKeys.byKeyHash(key))
                .memory(context.memoryManager(), context.memoryOwner(), pages)
                .tempDirectories(context.tempDirectories())
                .maxFanIn(context.jobConfiguration().get(SortOptions.MAX_FAN_IN))
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(int input, Object record) throws Exception {
        if (input == 0) {
            L l = (L) record;
            if (left.key(l) != null) {
                leftSorter.add(l);
            } else if (left.keepsUnmatched()) {
                emitter.emit(l, null);
            }
        } else {
            R r = (R) record;
            if (right.key(r) != null) {
                rightSorter.add(r);
            } else if (right.keepsUnmatched()) {
                emitter.emit(null, r);
            }
        }
    }

    @Override
    public void endInput(int input) throws Exception {
        ended[input] = true;
        if (ended[0] && ended[1]) {
            joiner.join(leftSorter.finish(), rightSorter.finish());
        }
    }

    @Override
    public void close() throws Exception {
        emitter.close();
    }

    @Override
    public void dispose() {
        try {
            if (leftSorter != null) {
                leftSorter.close();
            }
            if (rightSorter != null) {
                rightSorter.close();
            }
        } finally {
            if (memory != null) {
                memory.release();
            }
        }
    }

    /** Key groups of the second input written to disk because the first input's group did not fit (for tests). */
    public long spilledGroups() {
        return joiner.groupsSpilled();
    }

    /** Sorted runs both sorters wrote to disk (for tests). */
    public int spilledRuns() {
        return leftSorter.spilledRuns() + rightSorter.spilledRuns();
    }
}
