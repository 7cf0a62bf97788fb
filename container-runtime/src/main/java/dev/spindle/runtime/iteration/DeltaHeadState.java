package dev.spindle.runtime.iteration;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.memory.MemoryOptions;
import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.memory.SpillingRecordBuffer;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The state of a delta iteration's head: the solution set, a keyed table in half of the head's
 * managed memory, and three record buffers in the other half: the current workset, the next one
 * (filled by the workset tail) and the solution set's changes (filled by the delta tail, applied
 * when the superstep is complete, so that solution-set joins see the set as it was when the
 * superstep started).
 */
public final class DeltaHeadState implements IterationHeadState {

    private final TypeSerializer<Object> worksetSerializer;
    private final TypeSerializer<Object> solutionSerializer;
    private final File[] tempDirectories;
    private final SolutionSetTable<Object> solutionSet;
    private final List<MemorySegment> deltaPages;
    private List<MemorySegment> currentPages;
    private List<MemorySegment> nextPages;
    private SpillingRecordBuffer<Object> current;
    private SpillingRecordBuffer<Object> next;
    private SpillingRecordBuffer<Object> delta;
    private boolean started;

    /** @param pages at least 8: half for the solution set, the rest for the three buffers */
    @SuppressWarnings("unchecked")
    public DeltaHeadState(IterationSpec spec, List<MemorySegment> pages, File[] tempDirectories) {
        if (pages.size() < 8) {
            throw new IllegalArgumentException("A delta iteration head needs at least 8 pages, got " + pages.size());
        }
        this.worksetSerializer = (TypeSerializer<Object>) spec.worksetSerializer();
        this.solutionSerializer = (TypeSerializer<Object>) spec.solutionSerializer();
        this.tempDirectories = tempDirectories;
        int half = pages.size() / 2;
        int third = (pages.size() - half) / 3;
        this.solutionSet = new SolutionSetTable<>(solutionSerializer.duplicate(),
                (KeySelector<Object, ?>) spec.solutionSetKey(), pages.subList(0, half),
                "raise " + MemoryOptions.MANAGED_SIZE.key() + " (the solution set takes half of the iteration head's"
                        + " share of managed memory)");
        this.currentPages = pages.subList(half, half + third);
        this.nextPages = pages.subList(half + third, half + 2 * third);
        this.deltaPages = pages.subList(half + 2 * third, pages.size());
        this.current = buffer(worksetSerializer, currentPages, "workset");
    }

    private SpillingRecordBuffer<Object> buffer(TypeSerializer<Object> serializer, List<MemorySegment> pages,
                                                String purpose) {
        return new SpillingRecordBuffer<>(serializer.duplicate(), pages.subList(1, pages.size()), pages.get(0),
                tempDirectories, purpose);
    }

    /** The table the solution-set operators of this subtask read. */
    public SolutionSetTable<Object> solutionSet() {
        return solutionSet;
    }

    @Override
    public void addInitial(int input, Object record) throws IOException {
        if (input == 0) {
            solutionSet.upsert(record);
        } else {
            current.add(record);
        }
    }

    @Override
    public Map<FeedbackKind, SpillingRecordBuffer<Object>> beginSuperstep() throws IOException {
        if (!started) {
            current.finishWriting();
            started = true;
        }
        next = buffer(worksetSerializer, nextPages, "workset");
        delta = buffer(solutionSerializer, deltaPages, "solution-set-delta");
        return Map.of(FeedbackKind.WORKSET, next, FeedbackKind.SOLUTION_SET_DELTA, delta);
    }

    @Override
    public void forEachSuperstepInput(RecordConsumer consumer) throws Exception {
        BulkHeadState.forEach(current, consumer);
    }

    @Override
    public void endSuperstep() throws IOException {
        delta.finishWriting();
        try {
            BulkHeadState.forEach(delta, solutionSet::upsert);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        delta.close();
        delta = null;
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
        solutionSet.forEach(record -> out.write(solutionSerializer, record));
        out.endSection();
        BulkHeadState.forEach(current, record -> out.write(worksetSerializer, record));
        out.endSection();
    }

    @Override
    public void restore(SnapshotFiles.Reader in) throws Exception {
        in.section(solutionSerializer, solutionSet::upsert);
        in.section(worksetSerializer, current::add);
    }

    @Override
    public void forEachResult(RecordConsumer consumer) throws Exception {
        solutionSet.forEach(consumer::accept);
    }

    @Override
    public void close() {
        current.close();
        if (next != null) {
            next.close();
        }
        if (delta != null) {
            delta.close();
        }
        solutionSet.close();
    }
}
