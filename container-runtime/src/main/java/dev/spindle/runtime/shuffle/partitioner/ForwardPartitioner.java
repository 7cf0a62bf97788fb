package dev.spindle.runtime.shuffle.partitioner;

/** Subtask i sends to subtask i of the consumer: the partition has exactly one subpartition. */
public final class ForwardPartitioner<T> implements Partitioner<T> {

    @Override
    public int select(T record, int numSubpartitions) {
        return 0;
    }

    @Override
    public String name() {
        return "FORWARD";
    }
}
