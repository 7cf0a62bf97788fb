package dev.spindle.runtime.iteration;

import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.memory.SpillingRecordBuffer;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The partial solution of a bulk iteration: {@link AlternatingBuffers}, one holding the current
 * superstep's input while the tail fills the other with the next.
 */
public final class BulkHeadState implements IterationHeadState {

    private final TypeSerializer<Object> serializer;
    private final AlternatingBuffers partialSolution;

    /** @param pages at least 4; split between the two buffers */
    public BulkHeadState(TypeSerializer<Object> serializer, List<MemorySegment> pages, File[] tempDirectories) {
        if (pages.size() < 4) {
            throw new IllegalArgumentException("A bulk iteration head needs at least 4 pages, got " + pages.size());
        }
        this.serializer = serializer;
        this.partialSolution = new AlternatingBuffers(serializer, pages, tempDirectories, "partial-solution");
    }

    @Override
    public void addInitial(int input, Object record) throws IOException {
        partialSolution.addInitial(record);
    }

    @Override
    public Map<FeedbackKind, SpillingRecordBuffer<Object>> beginSuperstep() throws IOException {
        return Map.of(FeedbackKind.PARTIAL_SOLUTION, partialSolution.beginNext());
    }

    @Override
    public void forEachSuperstepInput(RecordConsumer consumer) throws Exception {
        partialSolution.forEachCurrent(consumer);
    }

    @Override
    public void endSuperstep() throws Exception {
        partialSolution.swap();
    }

    @Override
    public void writeSnapshot(SnapshotFiles.Writer out) throws Exception {
        partialSolution.forEachCurrent(record -> out.write(serializer, record));
        out.endSection();
    }

    @Override
    public void restore(SnapshotFiles.Reader in) throws Exception {
        in.section(serializer, partialSolution::addInitial);
    }

    @Override
    public void forEachResult(RecordConsumer consumer) throws Exception {
        partialSolution.forEachCurrent(consumer);
    }

    @Override
    public void close() {
        partialSolution.close();
    }
}
