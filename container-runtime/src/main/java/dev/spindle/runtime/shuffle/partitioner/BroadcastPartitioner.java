package dev.spindle.runtime.shuffle.partitioner;

/** Every record goes to every consumer subtask. */
public final class BroadcastPartitioner<T> implements Partitioner<T> {

    @Override
    public int select(T record, int numSubpartitions) {
        throw new UnsupportedOperationException("Broadcast does not select");
    }

    @Override
    public boolean isBroadcast() {
        return true;
    }

    @Override
    public String name() {
        return "BROADCAST";
    }
}
