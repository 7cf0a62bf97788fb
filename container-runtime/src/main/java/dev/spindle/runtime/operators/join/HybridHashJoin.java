package dev.spindle.runtime.operators.join;

import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.memory.SpillFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * A hybrid hash join within a fixed pool of pages. The build side is hash-partitioned into 2 to 64
 * partitions, each a {@link SerializedTable}; when the pool runs dry the largest partition is
 * spilled to a file, and its later build records go straight to that file. When the build side has
 * ended, the partitions left in memory are indexed and probed directly; probe records of spilled
 * partitions are written to a probe file of their partition. At the end every spilled pair of files
 * is joined on its own ({@link #finish}): if its build side fits into memory, in one pass
 * ({@link BlockNestedLoopJoin} with one block); else it is partitioned again, by a hash with a new
 * seed, in a hybrid hash join one level deeper; and if that cannot make it smaller — one key holds
 * most of it (skew), or {@link #MAX_LEVEL} levels were used — by a block-nested-loop join over the
 * two files, which needs no more memory than a few records.
 *
 * <p>Outer joins: unmatched probe records are emitted as they are probed (or when their partition is
 * joined); unmatched build records after the probe side ended, from the matched flags of the tables.
 * Records with a {@code null} key match nothing and are emitted at once if their side is kept.
 *
 * <p>Lifecycle ({@link State}): {@code BUILDING} ({@link #build}) -> {@code PROBING} ({@link #endBuild},
 * then {@link #probe}) -> {@code FINISHED} ({@link #finish}). On success every page goes back to the
 * pool and every file is deleted; after a failure the owner releases the pages and closes the
 * {@link SpillFiles}. Task thread only.
 */
final class HybridHashJoin<B, P> {

    /** Levels of repartitioning before a partition is joined block by block whatever its size. */
    static final int MAX_LEVEL = 4;
    /**
     * Fewest free pages a hybrid hash join starts with: a spare page and two partitions' write buffers
     * while building; and, joining a spilled partition block by block, a reader, the block join's
     * {@link BlockNestedLoopJoin#ioPages() I/O pages} and a data and an index page.
     */
    static final int MIN_PAGES = 6;
    /** Fewest pages of a hash join operator: a join one level down gets all but the page its parent reads through. */
    static final int MIN_OPERATOR_PAGES = MIN_PAGES + 2;
    /** A partition holding more than this share of its level's build bytes cannot be split usefully. */
    private static final double SKEW_SHARE = 0.8;
    private static final int MAX_PARTITIONS = 64;

    /** BUILDING -> PROBING -> FINISHED. */
    enum State {
        BUILDING,
        PROBING,
        FINISHED
    }

    /** What a join and the joins of its spilled partitions did, for tests and logs. */
    static final class Stats {
        int spilledPartitions;
        int deepestLevel;
        /** Partitions too large for memory that repartitioning could not split (one key holds most of them). */
        int skewedPartitions;
        /** Partitions still too large for memory at {@link #MAX_LEVEL}. */
        int deepPartitions;
        long blockNestedLoopPasses;
        long spilledBytes;

        @Override
        public String toString() {
            return "spilled " + spilledPartitions + " partitions (" + (spilledBytes >> 10) + " KiB of records), "
                    + "deepest recursion level " + deepestLevel + ", " + skewedPartitions + " skewed and "
                    + deepPartitions + " too deep partitions joined block by block, " + blockNestedLoopPasses
                    + " block passes";
        }
    }

    /** One partition: a table in memory, or the files of a spilled partition. */
    private static final class Partition<B> {
        SerializedTable<B> table;
        HashedRecordFile.Writer buildWriter;
        HashedRecordFile buildFile;
        HashedRecordFile.Writer probeWriter;
        HashedRecordFile probeFile;

        boolean inMemory() {
            return table != null;
        }
    }

    private final JoinSide<B> build;
    private final JoinSide<P> probe;
    private final JoinCollector<B, P> collector;
    private final PagePool pool;
    private final SpillFiles files;
    private final int level;
    private final Stats stats;
    private final List<Partition<B>> partitions = new ArrayList<>();
    private final int partitionShift;
    private final MatchPairing<B, P> pairing;
    /** Kept free while building, to buffer the writer of the next partition to spill. */
    private MemorySegment spare;
    private long buildBytes;
    private State state = State.BUILDING;

    HybridHashJoin(JoinSide<B> build, JoinSide<P> probe, JoinCollector<B, P> collector, PagePool pool,
                   SpillFiles files, int level, Stats stats) {
        if (pool.free() < MIN_PAGES) {
            throw new IllegalArgumentException("A hash join needs at least " + MIN_PAGES + " pages, got " + pool.free());
        }
        this.build = build;
        this.probe = probe;
        this.collector = collector;
        this.pool = pool;
        this.files = files;
        this.level = level;
        this.stats = stats;
        this.pairing = new MatchPairing<>(probe, collector);
        int count = Math.max(2, Math.min(MAX_PARTITIONS, Integer.highestOneBit(pool.free() / 4)));
        this.partitionShift = 32 - Integer.numberOfTrailingZeros(count);
        for (int i = 0; i < count; i++) {
            Partition<B> p = new Partition<>();
            p.table = new SerializedTable<>(build, pool, level, 32 - partitionShift, Integer.MAX_VALUE);
            partitions.add(p);
        }
        this.spare = pool.takeReserved();
        stats.deepestLevel = Math.max(stats.deepestLevel, level);
    }

    private Partition<B> partitionOf(int hash) {
        return partitions.get(SerializedTable.rehash(hash, level) >>> partitionShift);
    }

    // ---- build ----

    void build(B record) throws Exception {
        Object key = build.key(record);
        if (key == null) {
            if (build.keepsUnmatched()) {
                collector.unmatchedFirst(record);
            }
            return;
        }
        int length = build.serialize(record);
        buildSerialized(JoinSide.hash(key), build.bytes(), length);
    }

    /** Adds a build record given as bytes with its key hash (read back from a parent's spill file). */
    void buildSerialized(int hash, byte[] bytes, int length) throws Exception {
        checkState(State.BUILDING);
        buildBytes += length;
        Partition<B> p = partitionOf(hash);
        while (p.inMemory() && !p.table.add(hash, bytes, length)) {
            spill(largestInMemory(p));
        }
        if (!p.inMemory()) {
            p.buildWriter.write(hash, bytes, length);
        }
    }

    /** The in-memory partition with the most pages, or {@code fallback} if none holds any. */
    private Partition<B> largestInMemory(Partition<B> fallback) {
        Partition<B> largest = null;
        for (Partition<B> p : partitions) {
            if (p.inMemory() && p.table.dataPages() > 0
                    && (largest == null || p.table.dataPages() > largest.table.dataPages())) {
                largest = p;
            }
        }
        return largest != null ? largest : fallback;
    }

    /** Writes a partition's table to a new file, which takes its later build records; frees the table's pages. */
    private void spill(Partition<B> p) throws Exception {
        HashedRecordFile.Writer writer = new HashedRecordFile.Writer(files, spare);
        spare = null;
        p.table.forEachRaw(writer::write);
        p.table.release();
        p.table = null;
        p.buildWriter = writer;
        spare = pool.take();
        if (spare == null) {
            throw new IllegalStateException("The hash join ran out of pages for its spill buffers (" + pool.total()
                    + " pages, " + partitions.size() + " partitions)");
        }
        stats.spilledPartitions++;
    }

    /**
     * Ends the build side: closes the build files, spills more partitions until the tables' indexes
     * and a write buffer per spilled partition fit, and indexes the tables.
     */
    void endBuild() throws Exception {
        checkState(State.BUILDING);
        for (Partition<B> p : partitions) {
            if (!p.inMemory()) {
                finishBuildFile(p);
            }
        }
        while (pool.free() < pagesToProbe()) {
            Partition<B> victim = largestInMemory(null);
            if (victim == null) {
                break;
            }
            spill(victim);
            finishBuildFile(victim);
        }
        pool.give(spare);
        spare = null;
        for (Partition<B> p : partitions) {
            if (p.inMemory()) {
                p.table.buildIndex();
            } else {
                p.probeWriter = new HashedRecordFile.Writer(files, pool.takeReserved());
            }
        }
        state = State.PROBING;
    }

    private void finishBuildFile(Partition<B> p) throws Exception {
        p.buildFile = p.buildWriter.finish();
        pool.give(p.buildWriter.buffer());
        p.buildWriter = null;
        stats.spilledBytes += p.buildFile.recordBytes();
    }

    /** Pages the probe phase needs: the index of every table and a write buffer per spilled partition. */
    private int pagesToProbe() {
        int pages = 0;
        for (Partition<B> p : partitions) {
            pages += p.inMemory() ? p.table.indexPages(p.table.records()) : 1;
        }
        return pages;
    }

    // ---- probe ----

    void probe(P record) throws Exception {
        checkState(State.PROBING);
        Object key = probe.key(record);
        if (key == null) {
            if (probe.keepsUnmatched()) {
                collector.unmatchedSecond(record);
            }
            return;
        }
        int hash = JoinSide.hash(key);
        Partition<B> p = partitionOf(hash);
        if (p.inMemory()) {
            probeTable(p.table, hash, key, record);
        } else {
            int length = probe.serialize(record);
            p.probeWriter.write(hash, probe.bytes(), length);
        }
    }

    /**
     * Reads where {@link #probe} of {@code record} will look first in memory (see
     * {@link SerializedTable#touch}), changing nothing; 0 for a record of a spilled partition.
     */
    long touch(P record) throws Exception {
        Object key = probe.key(record);
        if (key == null || state != State.PROBING) {
            return 0;
        }
        int hash = JoinSide.hash(key);
        Partition<B> p = partitionOf(hash);
        return p.inMemory() ? p.table.touch(hash) : 0;
    }

    /** The key hash a probe record is looked up by. */
    int probeHash(P record) throws Exception {
        return JoinSide.hash(probe.key(record));
    }

    /**
     * False only if probing now with a record of key hash {@code hash} would do nothing: the build
     * side has ended, unmatched probe records are dropped, and the record's partition is a table in
     * memory holding no record with that hash. A record of a spilled partition may match.
     */
    boolean mayMatch(int hash) {
        if (state != State.PROBING || probe.keepsUnmatched()) {
            return true;
        }
        Partition<B> p = partitionOf(hash);
        return !p.inMemory() || p.table.containsHash(hash);
    }

    /** Probes with a record given as bytes with its key hash (read back from a parent's spill file). */
    void probeSerialized(int hash, byte[] bytes, int length) throws Exception {
        checkState(State.PROBING);
        Partition<B> p = partitionOf(hash);
        if (!p.inMemory()) {
            p.probeWriter.write(hash, bytes, length);
        } else if (p.table.records() > 0 || probe.keepsUnmatched()) {
            P record = probe.deserialize(bytes, 0, length);
            probeTable(p.table, hash, probe.key(record), record);
        }
    }

    private void probeTable(SerializedTable<B> table, int hash, Object key, P record) throws Exception {
        if (!pairing.probe(table, hash, key, record) && probe.keepsUnmatched()) {
            collector.unmatchedSecond(record);
        }
    }

    // ---- finish ----

    /** Ends the probe side: emits the unmatched build records of the tables, then joins each spilled partition. */
    void finish() throws Exception {
        checkState(State.PROBING);
        state = State.FINISHED;
        for (Partition<B> p : partitions) {
            if (p.inMemory()) {
                if (build.keepsUnmatched()) {
                    p.table.forEachUnmatched(collector::unmatchedFirst);
                }
                p.table.release();
            } else {
                p.probeFile = p.probeWriter.finish();
                pool.give(p.probeWriter.buffer());
                p.probeWriter = null;
                stats.spilledBytes += p.probeFile.recordBytes();
            }
        }
        for (Partition<B> p : partitions) {
            if (!p.inMemory()) {
                try {
                    joinSpilled(p.buildFile, p.probeFile);
                } finally {
                    files.delete(p.buildFile.file());
                    files.delete(p.probeFile.file());
                }
            }
        }
    }

    private void joinSpilled(HashedRecordFile buildFile, HashedRecordFile probeFile) throws Exception {
        if (buildFile.records() == 0 || probeFile.records() == 0) {
            emitAllUnmatched(buildFile, probeFile);
        } else if (fitsIntoMemory(buildFile)) {
            blockNestedLoop(buildFile, probeFile);
        } else if (buildFile.recordBytes() > SKEW_SHARE * buildBytes) {
            stats.skewedPartitions++;
            blockNestedLoop(buildFile, probeFile);
        } else if (level + 1 < MAX_LEVEL) {
            repartition(buildFile, probeFile);
        } else {
            stats.deepPartitions++;
            blockNestedLoop(buildFile, probeFile);
        }
    }

    /** A partition of which one side is empty: the other side's records are all unmatched. */
    private void emitAllUnmatched(HashedRecordFile buildFile, HashedRecordFile probeFile) throws Exception {
        if (build.keepsUnmatched()) {
            buildFile.asInput(build, files, pool).forEach(collector::unmatchedFirst);
        }
        if (probe.keepsUnmatched()) {
            probeFile.asInput(probe, files, pool).forEach(collector::unmatchedSecond);
        }
    }

    /**
     * Whether a spilled build side fits into one table, leaving the pages a block-nested-loop join
     * reads with (the file's reader and up to three of {@link BlockNestedLoopJoin#ioPages()}).
     */
    private boolean fitsIntoMemory(HashedRecordFile buildFile) {
        long records = buildFile.records();
        long bytes = buildFile.recordBytes() + records * SerializedTable.HEADER_BYTES;
        long pages = pool.pagesFor(bytes) + 1 + pool.pagesFor(8L * Long.highestOneBit(records));
        return pages <= pool.free() - 4;
    }

    /** Joins the files block by block, the smaller one in memory. */
    private void blockNestedLoop(HashedRecordFile buildFile, HashedRecordFile probeFile) throws Exception {
        BlockNestedLoopJoin<?, ?> join;
        if (probeFile.recordBytes() < buildFile.recordBytes()) {
            BlockNestedLoopJoin<P, B> swapped = new BlockNestedLoopJoin<>(probe, build, swap(collector), pool, files,
                    level);
            runBlockNestedLoop(swapped, probeFile, buildFile.asInput(build, files, pool));
            join = swapped;
        } else {
            BlockNestedLoopJoin<B, P> straight = new BlockNestedLoopJoin<>(build, probe, collector, pool, files, level);
            runBlockNestedLoop(straight, buildFile, probeFile.asInput(probe, files, pool));
            join = straight;
        }
        stats.blockNestedLoopPasses += join.passes();
    }

    private <A, C> void runBlockNestedLoop(BlockNestedLoopJoin<A, C> join, HashedRecordFile first,
                                           ReplayableInput<C> second) throws Exception {
        MemorySegment page = pool.takeReserved();
        try (HashedRecordFile.Reader reader = first.open(files, page)) {
            join.run(reader, second);
        } finally {
            pool.give(page);
        }
    }

    private static <A, C> JoinCollector<C, A> swap(JoinCollector<A, C> collector) {
        return new JoinCollector<>() {
            @Override
            public void match(C first, A second) throws Exception {
                collector.match(second, first);
            }

            @Override
            public void unmatchedFirst(C first) throws Exception {
                collector.unmatchedSecond(first);
            }

            @Override
            public void unmatchedSecond(A second) throws Exception {
                collector.unmatchedFirst(second);
            }
        };
    }

    /** Joins a spilled partition with a hybrid hash join one level deeper, which partitions it by a new hash. */
    private void repartition(HashedRecordFile buildFile, HashedRecordFile probeFile) throws Exception {
        MemorySegment page = pool.takeReserved();
        HybridHashJoin<B, P> child;
        try {
            child = new HybridHashJoin<>(build, probe, collector, pool, files, level + 1, stats);
            try (HashedRecordFile.Reader reader = buildFile.open(files, page)) {
                while (reader.next()) {
                    child.buildSerialized(reader.hash(), reader.bytes(), reader.length());
                }
            }
            child.endBuild();
            try (HashedRecordFile.Reader reader = probeFile.open(files, page)) {
                while (reader.next()) {
                    child.probeSerialized(reader.hash(), reader.bytes(), reader.length());
                }
            }
        } finally {
            pool.give(page);
        }
        child.finish();
    }

    private void checkState(State expected) {
        if (state != expected) {
            throw new IllegalStateException("The hash join is " + state + ", expected " + expected);
        }
    }
}
