package dev.spindle.runtime.operators.batch;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.hash.HashAggregateTable;
import dev.spindle.runtime.hash.SpillingHashAggregator;
import dev.spindle.runtime.hash.TableMemoryEstimate;
import dev.spindle.runtime.operators.OneInputOperator;
import dev.spindle.runtime.operators.OperatorContext;
import dev.spindle.runtime.serialization.TypeSerializer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Aggregates records with equal keys in a {@link HashAggregateTable}, in one of two roles:
 * <ul>
 *   <li>combiner ({@code maxEntries > 0}, before the shuffle): emits its partial aggregates whenever
 *       a new key arrives and the table holds {@code maxEntries} keys or would outgrow the
 *       operator's share of managed memory (its {@link TableMemoryEstimate estimated size}). When
 *       the first full table combined too little (fewer than {@link #MIN_COMBINE_RATIO} records per
 *       key: nearly every key is new, as with ids that do not repeat within a table's worth of
 *       records), the combiner only costs a lookup per record, so from then on it passes records
 *       straight through;</li>
 *   <li>final ({@code maxEntries <= 0}, after the shuffle): aggregates within the operator's share
 *       of managed memory through a {@link SpillingHashAggregator}, which spills partial aggregates
 *       to disk when the keys do not fit. Without a serializer (few keys expected, as in an
 *       aggregation of a whole input) or without a share (a plan node without managed-memory
 *       weight; logged) it keeps every key in memory.</li>
 * </ul>
 * Lifecycle as any operator; {@link #dispose()} releases memory and spill files, also after a
 * failure. Task thread only.
 */
public abstract class HashAggregateOperator<T, K> extends OneInputOperator<T, T> {

    private static final Logger LOG = LogManager.getLogger(HashAggregateOperator.class);

    /**
     * Records per key below which a combiner's first full table makes it pass records through. A
     * lookup in a table larger than the CPU caches costs about as much as shuffling a record and
     * looking it up after the shuffle, so combining pays once it removes more than half of the
     * records (Connected Components' minima combine about 1.9 records per key; passing them through
     * made it ~10% faster).
     */
    static final double MIN_COMBINE_RATIO = 2.0;
    /** Records added together; a few dozen overlap enough cache misses. */
    private static final int BATCH = 64;

    protected final KeySelector<T, K> keySelector;
    private final TypeSerializer<T> serializer;
    private final int maxEntries;
    private transient HashAggregateTable<T> table;
    private transient SpillingHashAggregator<T, K> spilling;
    /** A combiner's size estimate and limit (its share of managed memory, reserved while it runs). */
    private transient TableMemoryEstimate<T> combinerEstimate;
    private transient long combinerLimitBytes;
    private transient int combinerReservedPages;
    private transient long recordsInTable;
    private transient boolean passThrough;
    private transient boolean flushedBefore;
    /** Records that {@link #process} buffers to add them together ({@link #addBatch}). */
    private transient T[] batch;
    private transient int batched;
    /** What {@link HashAggregateTable#touch} read: kept, so that the reads are not optimized away. */
    private transient long touched;

    /**
     * @param serializer the records' serializer, needed to spill and to estimate a combiner's memory
     *                   (may be null for a combiner, which is then bounded by {@code maxEntries} alone)
     * @param maxEntries keys a combiner holds before it emits; 0 or less for the final aggregation
     */
    protected HashAggregateOperator(KeySelector<T, K> keySelector, TypeSerializer<T> serializer, int maxEntries) {
        this.keySelector = keySelector;
        this.serializer = serializer;
        this.maxEntries = maxEntries;
    }

    /** A new, empty table that groups by {@link #keySelector}. */
    protected abstract HashAggregateTable<T> createTable();

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        table = createTable();
        adoptKeptArray();
        batch = (T[]) new Object[BATCH];
        if (maxEntries > 0) {
            openCombiner();
            return;
        }
        if (serializer == null) {
            return;
        }
        int pages = context.managedMemoryPages();
        if (pages >= SpillingHashAggregator.MIN_PAGES) {
            spilling = SpillingHashAggregator.builder(serializer, keySelector, table)
                    .memory(context.memoryManager(), context.memoryOwner(), pages)
                    .tempDirectories(context.tempDirectories())
                    .build();
        } else {
            LOG.warn("{} has {} pages of managed memory (it needs {} to spill); it keeps every key in memory",
                    context.operatorName(), pages, SpillingHashAggregator.MIN_PAGES);
        }
    }

    /**
     * In an iteration, starts the table in the array of this operator's table of the previous
     * superstep (see {@link OperatorContext#takeKeptArray}) if it fits the operator's share of
     * managed memory, which bounds how far the table grows (a table grows only while its new
     * arrays fit, so an earlier table's array fits unless the share changed).
     */
    private void adoptKeptArray() {
        long[] kept = context.takeKeptArray();
        if (kept != null && 8L * kept.length <= shareBytes()) {
            table.adoptArray(kept);
        }
    }

    /** The operator's share of managed memory in bytes; unbounded without one. */
    private long shareBytes() {
        int pages = context.managedMemoryPages();
        return pages > 0 ? (long) pages * context.memoryManager().pageSize() : Long.MAX_VALUE;
    }

    private void openCombiner() throws Exception {
        combinerEstimate = new TableMemoryEstimate<>(table, serializer);
        int pages = context.managedMemoryPages();
        combinerLimitBytes = shareBytes();
        if (pages > 0) {
            context.memoryManager().reservePages(context.memoryOwner(), pages);
            combinerReservedPages = pages;
        }
    }

    @Override
    public void process(T record) throws Exception {
        if (passThrough) {
            output.collect(record);
            return;
        }
        batch[batched++] = record;
        if (batched == BATCH) {
            addBatch();
        }
    }

    /**
     * Adds the buffered records in their order, having first touched the table where each will be
     * looked up: with the loads side by side their cache misses overlap, where one lookup per record
     * among the work of the operators before would wait for each miss on its own (PageRank's
     * combiner spent 40% of its thread in lookups in a table larger than the caches).
     */
    private void addBatch() throws Exception {
        long read = 0;
        for (int i = 0; i < batched; i++) {
            read += table.touch(batch[i]);
        }
        touched += read;
        for (int i = 0; i < batched; i++) {
            T record = batch[i];
            batch[i] = null;
            add(record);
        }
        batched = 0;
    }

    private void add(T record) throws Exception {
        if (spilling != null) {
            spilling.add(record);
            return;
        }
        if (passThrough) {
            output.collect(record);
            return;
        }
        if (table.update(record)) {
            recordsInTable++;
            return;
        }
        long size = 0;
        if (maxEntries > 0) {
            size = combinerEstimate.entryBytes(record);
            if (table.size() >= maxEntries || combinerEstimate.outgrows(size, combinerLimitBytes)) {
                flushCombiner();
                if (passThrough) {
                    output.collect(record);
                    return;
                }
            }
        }
        table.insert(record);
        recordsInTable++;
        if (maxEntries > 0) {
            combinerEstimate.inserted(size);
        }
    }

    /** Emits a combiner's full table; the first time, decides whether combining pays. */
    private void flushCombiner() throws Exception {
        int keys = table.size();
        LOG.debug("{} emits {} keys combined from {} records ({} bytes estimated, limit {})", context.operatorName(),
                keys, recordsInTable, combinerEstimate.bytesAfterInsert(), combinerLimitBytes);
        if (!flushedBefore && recordsInTable < MIN_COMBINE_RATIO * keys) {
            passThrough = true;
            LOG.debug("{} passes records through uncombined: its first {} records had {} distinct keys",
                    context.operatorName(), recordsInTable, keys);
        }
        flushedBefore = true;
        table.drain(output);
        combinerEstimate.emptied();
        recordsInTable = 0;
    }

    @Override
    public void endInput(int input) throws Exception {
        addBatch();
        if (spilling != null) {
            spilling.finish(output);
            if (spilling.spills() > 0) {
                LOG.info("{} spilled its hash table {} times ({} sorted runs on disk) within {} pages of managed memory",
                        context.operatorName(), spilling.spills(), spilling.spilledRuns(),
                        context.managedMemoryPages());
            }
        } else {
            table.drain(output);
        }
    }

    /** Times the final aggregation moved its table to the sorter (0 for a combiner or when all keys fit). */
    public int spills() {
        return spilling == null ? 0 : spilling.spills();
    }

    @Override
    public void dispose() {
        if (spilling != null) {
            spilling.close();
        }
        if (table != null) {
            context.keepForNextSuperstep(table.detachArray());
            table = null;
        }
        if (combinerReservedPages > 0) {
            context.memoryManager().releaseReservedPages(context.memoryOwner(), combinerReservedPages);
            combinerReservedPages = 0;
        }
    }
}
