package dev.spindle.runtime.operators.join;

import dev.spindle.runtime.operators.KeyHashFilter;
import dev.spindle.runtime.operators.Operator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A hash join: reads its build input first and completely (the plan feeds it through a blocking
 * edge), then streams the other input past it; see {@link HybridHashJoin} for how it stays within
 * its share of managed memory ({@code managedMemoryPages()}) and spills. Emits matches while
 * probing and, for outer joins, unmatched records once the probe input ended. Builds on the left
 * input ({@code buildInput} 0) or the right one (1); either may be the outer side.
 *
 * <p>Lifecycle: {@code open} takes the memory; {@link #nextInput()} selects the build input until it
 * ended, then the probe input; {@code endInput} of the probe input finishes the join; {@code dispose}
 * gives back the memory and deletes all spill files, also after failures.
 *
 * <p>The probe input of an inner join can be filtered by key hash ({@link KeyHashFilter}): once the
 * table is built, a probe record whose hash no build record has cannot match.
 */
public final class HashJoinOperator<L, R, O> extends Operator<O> implements KeyHashFilter {

    private static final Logger LOG = LogManager.getLogger(HashJoinOperator.class);
    private static final int PROBE_BATCH = 64;

    private final JoinSpec<L, R> spec;
    private final int buildInput;
    private transient JoinEmitter<L, R, O> emitter;
    private transient JoinMemory memory;
    private transient HybridHashJoin<Object, Object> join;
    private transient HybridHashJoin.Stats stats;
    private transient boolean buildEnded;
    /** Probe records buffered to probe together ({@link #probeBatch}). */
    private transient Object[] probes;
    private transient int probing;
    /** What the touches read: kept, so that the reads are not optimized away. */
    private transient long touched;

    /**
     * Where records with {@code key} fall in the tables of a hash join, as an int to sort by: a probe
     * input sorted by it, with each key's records together, reads each table's index from front to
     * back (see {@code SerializedTable}). For inputs that are probed again and again, as a
     * loop-invariant input in every superstep of an iteration.
     */
    public static int probeOrder(Object key) {
        return SerializedTable.probeOrder(JoinSide.hash(key));
    }

    /** @param buildInput the input whose records are held in the hash table: 0 (left) or 1 (right) */
    public HashJoinOperator(JoinSpec<L, R> spec, int buildInput) {
        if (buildInput != 0 && buildInput != 1) {
            throw new IllegalArgumentException("The build input is 0 (left) or 1 (right), got " + buildInput);
        }
        this.spec = spec;
        this.buildInput = buildInput;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open() throws Exception {
        probes = new Object[PROBE_BATCH];
        emitter = new JoinEmitter<>(spec.function(), output);
        emitter.open(context);
        memory = new JoinMemory(context);
        PagePool pool = memory.pool(memory.sharePages(HybridHashJoin.MIN_OPERATOR_PAGES));
        JoinSide<L> left = new JoinSide<>(spec.leftSerializer(), spec.leftKey(), spec.type().keepsUnmatchedLeft());
        JoinSide<R> right = new JoinSide<>(spec.rightSerializer(), spec.rightKey(), spec.type().keepsUnmatchedRight());
        stats = new HybridHashJoin.Stats();
        join = buildInput == 0
                ? (HybridHashJoin) new HybridHashJoin<>(left, right, emitter.leftFirst(), pool, memory.files(), 0, stats)
                : (HybridHashJoin) new HybridHashJoin<>(right, left, emitter.rightFirst(), pool, memory.files(), 0, stats);
    }

    @Override
    public int nextInput() {
        return buildEnded ? 1 - buildInput : buildInput;
    }

    @Override
    public void processElement(int input, Object record) throws Exception {
        if (input == buildInput) {
            join.build(record);
            return;
        }
        probes[probing++] = record;
        if (probing == PROBE_BATCH) {
            probeBatch();
        }
    }

    /**
     * Probes with the buffered records in their order, having first touched the table where each
     * will look, so that the cache misses of the probes overlap instead of coming one at a time
     * among the work of the join function and the operators after it.
     */
    private void probeBatch() throws Exception {
        long read = 0;
        for (int i = 0; i < probing; i++) {
            read += join.touch(probes[i]);
        }
        touched += read;
        for (int i = 0; i < probing; i++) {
            Object record = probes[i];
            probes[i] = null;
            join.probe(record);
        }
        probing = 0;
    }

    @Override
    public boolean filtersInput(int input) {
        boolean probeKeepsUnmatched = buildInput == 0 ? spec.type().keepsUnmatchedRight()
                : spec.type().keepsUnmatchedLeft();
        return input == 1 - buildInput && !probeKeepsUnmatched;
    }

    @Override
    public int keyHash(int input, Object record) throws Exception {
        if (input == buildInput) {
            throw new IllegalArgumentException("Input " + input + " is the build input of " + context.operatorName());
        }
        return join.probeHash(record);
    }

    @Override
    public boolean mayMatch(int input, int hash) {
        return join.mayMatch(hash);
    }

    @Override
    public void endInput(int input) throws Exception {
        if (input == buildInput) {
            join.endBuild();
            buildEnded = true;
        } else {
            probeBatch();
            join.finish();
        }
    }

    @Override
    public void close() throws Exception {
        emitter.close();
        if (stats.spilledPartitions > 0) {
            LOG.info("{} (subtask {}) {}", context.operatorName(), context.getIndexOfThisSubtask(), stats);
        }
    }

    @Override
    public void dispose() {
        if (memory != null) {
            memory.release();
        }
    }

    /** Partitions spilled so far, over all recursion levels (for tests). */
    public int spilledPartitions() {
        return stats.spilledPartitions;
    }

    /** The deepest recursion level used: 0 if no spilled partition had to be partitioned again (for tests). */
    public int deepestLevel() {
        return stats.deepestLevel;
    }

    /**
     * Partitions larger than memory that repartitioning could not shrink (one key holds most of them)
     * and that were joined block by block (for tests).
     */
    public int skewedPartitions() {
        return stats.skewedPartitions;
    }

    /** Bytes of records written to spill files, build and probe side (for tests). */
    public long spilledBytes() {
        return stats.spilledBytes;
    }
}
