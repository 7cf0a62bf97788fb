package dev.spindle.runtime.operators.batch;

import dev.spindle.api.accumulators.ListAccumulator;
import dev.spindle.runtime.operators.OneInputOperator;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;

/**
 * Sends the records of its input back to the client (for {@code collect()} and {@code print()}):
 * each subtask serializes its records into one byte array and adds it to a list accumulator named
 * {@code accumulatorName}, which travels with the job result.
 */
public final class CollectSinkOperator<T> extends OneInputOperator<T, Void> {

    private final TypeSerializer<T> serializer;
    private final String accumulatorName;
    private transient DataOutputSerializer buffer;
    private transient int count;

    public CollectSinkOperator(TypeSerializer<T> serializer, String accumulatorName) {
        this.serializer = serializer.duplicate();
        this.accumulatorName = accumulatorName;
    }

    @Override
    public void open() {
        buffer = new DataOutputSerializer(4096);
        buffer.writeInt(0);
    }

    @Override
    public void process(T record) throws Exception {
        serializer.serialize(record, buffer);
        count++;
    }

    @Override
    public void close() {
        buffer.putIntAt(0, count);
        ListAccumulator<byte[]> acc = new ListAccumulator<>();
        acc.add(buffer.toByteArray());
        context.addAccumulator(accumulatorName, acc);
    }
}
