package dev.spindle.runtime.iteration;

import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.memory.SpillingRecordBuffer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.RecordIterator;
import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Two record buffers in managed memory (spilling to disk beyond it) that take turns: the current
 * one holds a superstep's input (first the initial records), while a tail fills the next one. The
 * partial solution of a bulk iteration and the workset of a delta iteration. Head task thread only.
 */
final class AlternatingBuffers implements AutoCloseable {

    private final TypeSerializer<Object> serializer;
    private final File[] tempDirectories;
    private final String purpose;
    private List<MemorySegment> currentPages;
    private List<MemorySegment> nextPages;
    private SpillingRecordBuffer<Object> current;
    private SpillingRecordBuffer<Object> next;
    private boolean started;

    /** @param pages at least 4, split between the two buffers */
    AlternatingBuffers(TypeSerializer<Object> serializer, List<MemorySegment> pages, File[] tempDirectories,
                       String purpose) {
        this.serializer = serializer;
        this.tempDirectories = tempDirectories;
        this.purpose = purpose;
        this.currentPages = pages.subList(0, pages.size() / 2);
        this.nextPages = pages.subList(pages.size() / 2, pages.size());
        this.current = buffer(serializer, currentPages, tempDirectories, purpose);
    }

    static SpillingRecordBuffer<Object> buffer(TypeSerializer<Object> serializer, List<MemorySegment> pages,
                                               File[] tempDirectories, String purpose) {
        return new SpillingRecordBuffer<>(serializer.duplicate(), pages.subList(1, pages.size()), pages.get(0),
                tempDirectories, purpose);
    }

    /** Adds an initial record (before the first superstep) or a restored one. */
    void addInitial(Object record) throws IOException {
        current.add(record);
    }

    /** The buffer the coming superstep's tail writes into. */
    SpillingRecordBuffer<Object> beginNext() throws IOException {
        if (!started) {
            current.finishWriting();
            started = true;
        }
        next = buffer(serializer, nextPages, tempDirectories, purpose);
        return next;
    }

    /** The tail is done: its records become the current ones. */
    void swap() throws IOException {
        next.finishWriting();
        current.close();
        current = next;
        next = null;
        List<MemorySegment> pages = currentPages;
        currentPages = nextPages;
        nextPages = pages;
    }

    void forEachCurrent(IterationHeadState.RecordConsumer consumer) throws Exception {
        forEach(current, consumer);
    }

    static void forEach(SpillingRecordBuffer<Object> buffer, IterationHeadState.RecordConsumer consumer)
            throws Exception {
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
