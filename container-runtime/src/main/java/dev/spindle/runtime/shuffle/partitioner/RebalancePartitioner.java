package dev.spindle.runtime.shuffle.partitioner;

/** Round-robin over the consumer subtasks, starting at a different one per producer. */
public final class RebalancePartitioner<T> implements Partitioner<T> {

    private int next = -1;

    @Override
    public int select(T record, int numSubpartitions) {
        if (next < 0) {
            next = java.util.concurrent.ThreadLocalRandom.current().nextInt(numSubpartitions);
        }
        next = next + 1 == numSubpartitions ? 0 : next + 1;
        return next;
    }

    @Override
    public Partitioner<T> copy() {
        return new RebalancePartitioner<>();
    }

    @Override
    public String name() {
        return "REBALANCE";
    }
}
