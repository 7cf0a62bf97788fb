package dev.spindle.runtime.operators.join;

/**
 * Pairs one record of the probing side with its matches in a {@link SerializedTable} and hands the
 * pairs to the collector. Every pair gets objects of its own: the table deserializes each match
 * anew, and the probing record is copied for every match but the last, so a function that changes
 * or keeps its inputs cannot affect other pairs. Task thread only.
 */
final class MatchPairing<A, B> implements SerializedTable.RecordVisitor<A> {

    private final JoinSide<B> probeSide;
    private final JoinCollector<A, B> collector;
    private B probe;
    private A pending;

    MatchPairing(JoinSide<B> probeSide, JoinCollector<A, B> collector) {
        this.probeSide = probeSide;
        this.collector = collector;
    }

    /** Emits the pairs of {@code record} (key {@code key}, hash {@code hash}); whether there were any. */
    boolean probe(SerializedTable<A> table, int hash, Object key, B record) throws Exception {
        if (key == null) {
            return false;
        }
        probe = record;
        A last;
        try {
            table.match(hash, key, this);
        } finally {
            last = pending;
            pending = null;
            probe = null;
        }
        if (last == null) {
            return false;
        }
        collector.match(last, record);
        return true;
    }

    @Override
    public void accept(A match) throws Exception {
        if (pending != null) {
            collector.match(pending, probeSide.copy(probe));
        }
        pending = match;
    }
}
