package dev.spindle.runtime.iteration;

import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.memory.SpillingRecordBuffer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.RecordIterator;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The partial solution of a bulk iteration: two record buffers in managed memory (spilling to disk
 * beyond it) that take turns, one holding the current superstep's input while the tail fills the
 * other with the next.
 */
public final class BulkHeadState implements IterationHeadState {

    private final TypeSerializer<Object> serializer;
    private final File[] tempDirectories;
    private List<MemorySegment> currentPages;
    private List<MemorySegment> nextPages;
    private SpillingRecordBuffer<Object> current;
    private SpillingRecordBuffer<Object> next;
    private boolean started;

    /** @param pages at least 4; split between the two buffers */
    public BulkHeadState(TypeSerializer<Object> serializer, List<MemorySegment> pages, File[] tempDirectories) {
        if (pages.size() < 4) {
            throw new IllegalArgumentException("A bulk iteration head needs at least 4 pages, got " + pages.size());
        }
        this.serializer = serializer;
        this.tempDirectories = tempDirectories;
        this.currentPages = pages.subList(0, pages.size() / 2);
        this.nextPages = pages.subList(pages.size() / 2, pages.size());
        this.current = buffer(currentPages);
    }

    private SpillingRecordBuffer<Object> buffer(List<MemorySegment> pages) {
        return new SpillingRecordBuffer<>(serializer.duplicate(), pages.subList(1, pages.size()), pages.get(0),
                tempDirectories, "partial-solution");
    }

    @Override
    public void addInitial(int input, Object record) throws IOException {
        current.add(record);
    }

    @Override
    public Map<FeedbackKind, SpillingRecordBuffer<Object>> beginSuperstep() throws IOException {
        if (!started) {
            current.finishWriting();
            started = true;
        }
        next = buffer(nextPages);
        return Map.of(FeedbackKind.PARTIAL_SOLUTION, next);
    }

    @Override
    public void forEachSuperstepInput(RecordConsumer consumer) throws Exception {
        forEach(current, consumer);
    }

    @Override
    public void endSuperstep() throws IOException {
        next.finishWriting();
        current.close();
        current = next;
        next = null;
        List<MemorySegment> pages = currentPages;
        currentPages = nextPages;
        nextPages = pages;
    }

    @Override
    public void writeSnapshot(SnapshotFiles.Writer out) throws Exception {
        forEach(current, record -> out.write(serializer, record));
        out.endSection();
    }

    @Override
    public void restore(SnapshotFiles.Reader in) throws Exception {
        in.section(serializer, current::add);
    }

    @Override
    public void forEachResult(RecordConsumer consumer) throws Exception {
        forEach(current, consumer);
    }

    static void forEach(SpillingRecordBuffer<Object> buffer, RecordConsumer consumer) throws Exception {
        RecordIterator<Object> records = buffer.iterator();
        Object record;
        while ((record = records.next()) != null) {
            consumer.accept(record);
        }
    }

    @Override
    public void close() {
        current.close();
        if (next != null) {
            next.close();
        }
    }
}
