package dev.spindle.runtime.operators.join;

import dev.spindle.runtime.memory.SpillFiles;

/**
 * Joins two inputs whatever their size and however their keys are distributed, in any amount of
 * memory that holds a few records: the first input is read once, a block at a time, into a
 * {@link SerializedTable} that fills the free pages; for every block the second input is read in
 * full and probed against it. One block means one pass; otherwise the second input is replayed
 * (it keeps its records on disk, see {@link ReplayableInput}). This is the join of last resort:
 * the hybrid hash join uses it for partitions that fit into memory and for partitions that
 * repartitioning cannot shrink (one key holding most records), the sort-merge join for key groups.
 *
 * <p>Outer sides: unmatched first records are emitted after their block's pass; whether a second
 * record matched any block is carried from pass to pass in a {@link FlagFile} (one bit per record)
 * and decided in the last pass.
 *
 * <p>Memory: the table takes the pool's free pages but a few kept for I/O (the second input's
 * reader or writer, the flag files). Task thread only.
 */
final class BlockNestedLoopJoin<A, B> {

    private final JoinSide<A> first;
    private final JoinSide<B> second;
    private final JoinCollector<A, B> collector;
    private final PagePool pool;
    private final SpillFiles files;
    private final int level;
    private final MatchPairing<A, B> pairing;
    private final int ioPages;
    private long passes;

    BlockNestedLoopJoin(JoinSide<A> first, JoinSide<B> second, JoinCollector<A, B> collector, PagePool pool,
                        SpillFiles files, int level) {
        this.first = first;
        this.second = second;
        this.collector = collector;
        this.pool = pool;
        this.files = files;
        this.level = level;
        this.pairing = new MatchPairing<>(second, collector);
        this.ioPages = 1 + (second.keepsUnmatched() ? 2 : 0);
    }

    /** Pages the join keeps for I/O; the pool needs at least these plus two (a data and an index page). */
    int ioPages() {
        return ioPages;
    }

    /** Passes over second inputs so far (one per block). */
    long passes() {
        return passes;
    }

    /** Joins {@code firstInput} (read once) with {@code secondInput} (read once per block). */
    void run(HashedRecords firstInput, ReplayableInput<B> secondInput) throws Exception {
        boolean more = firstInput.next();
        if (!more) {
            emitUnmatchedSecond(secondInput);
            return;
        }
        FlagFile flags = null;
        boolean firstPass = true;
        try {
            while (more) {
                SerializedTable<A> table = new SerializedTable<>(first, pool, level, 0, pool.free() - ioPages);
                try {
                    if (!table.add(firstInput.hash(), firstInput.bytes(), firstInput.length())) {
                        throw new IllegalStateException("A record of " + firstInput.length() + " bytes does not fit "
                                + "into the join's managed memory (" + pool.total() + " pages of " + pool.pageSize()
                                + " bytes); give the job more managed memory (taskmanager.memory.managed.size)");
                    }
                    while ((more = firstInput.next()) && table.add(firstInput.hash(), firstInput.bytes(),
                            firstInput.length())) {
                        // added
                    }
                    table.buildIndex();
                    flags = probePass(table, secondInput, firstPass, !more, flags);
                    if (first.keepsUnmatched()) {
                        table.forEachUnmatched(collector::unmatchedFirst);
                    }
                } finally {
                    table.release();
                }
                firstPass = false;
            }
        } finally {
            if (flags != null) {
                flags.delete(files);
            }
        }
    }

    /**
     * Probes every second record against one block; returns the flags of this pass (null if not
     * needed), having deleted those of the previous pass.
     */
    private FlagFile probePass(SerializedTable<A> table, ReplayableInput<B> secondInput, boolean firstPass,
                               boolean lastPass, FlagFile previous) throws Exception {
        passes++;
        boolean tracked = second.keepsUnmatched() && !(firstPass && lastPass);
        FlagFile.Reader in = tracked && !firstPass ? previous.open(files, pool.takeReserved()) : null;
        FlagFile.Writer out = tracked && !lastPass ? new FlagFile.Writer(files, pool.takeReserved()) : null;
        try (ReplayableInput.Pass<B> pass = secondInput.open(!lastPass)) {
            for (B record = pass.next(); record != null; record = pass.next()) {
                Object key = second.key(record);
                boolean matched = pairing.probe(table, JoinSide.hash(key), key, record);
                if (in != null) {
                    matched |= in.next();
                }
                if (out != null) {
                    out.write(matched);
                } else if (!matched && second.keepsUnmatched()) {
                    collector.unmatchedSecond(record);
                }
            }
            return out == null ? null : out.finish();
        } finally {
            if (in != null) {
                in.close();
                pool.give(in.buffer());
                previous.delete(files);
            }
            if (out != null) {
                out.close();
                pool.give(out.buffer());
            }
        }
    }

    private void emitUnmatchedSecond(ReplayableInput<B> secondInput) throws Exception {
        if (second.keepsUnmatched()) {
            secondInput.forEach(collector::unmatchedSecond);
        }
    }
}
