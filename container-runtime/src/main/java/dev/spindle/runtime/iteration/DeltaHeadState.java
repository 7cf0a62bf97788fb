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
 * managed memory; in the other half the workset ({@link AlternatingBuffers}: the current one and
 * the next, filled by the workset tail) and a buffer for the solution set's changes (filled by the
 * delta tail, applied when the superstep is complete, so that solution-set joins see the set as it
 * was when the superstep started).
 */
public final class DeltaHeadState implements IterationHeadState {

    private final TypeSerializer<Object> worksetSerializer;
    private final TypeSerializer<Object> solutionSerializer;
    private final File[] tempDirectories;
    private final SolutionSetTable<Object> solutionSet;
    /** Initial records and changes go into the solution set a batch at a time. */
    private final SolutionSetTable<Object>.Upserts upserts;
    private final AlternatingBuffers workset;
    private final List<MemorySegment> deltaPages;
    private SpillingRecordBuffer<Object> delta;

    /** @param pages at least 8: half for the solution set, the rest for the buffers */
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
        this.upserts = solutionSet.upserts();
        this.workset = new AlternatingBuffers(worksetSerializer, pages.subList(half, half + 2 * third),
                tempDirectories, "workset");
        this.deltaPages = pages.subList(half + 2 * third, pages.size());
    }

    /** The table the solution-set operators of this subtask read. */
    public SolutionSetTable<Object> solutionSet() {
        return solutionSet;
    }

    @Override
    public void addInitial(int input, Object record) throws IOException {
        if (input == 0) {
            upserts.add(record);
        } else {
            workset.addInitial(record);
        }
    }

    @Override
    public Map<FeedbackKind, SpillingRecordBuffer<Object>> beginSuperstep() throws IOException {
        upserts.flush();
        delta = AlternatingBuffers.buffer(solutionSerializer, deltaPages, tempDirectories, "solution-set-delta");
        return Map.of(FeedbackKind.WORKSET, workset.beginNext(), FeedbackKind.SOLUTION_SET_DELTA, delta);
    }

    @Override
    public void forEachSuperstepInput(RecordConsumer consumer) throws Exception {
        workset.forEachCurrent(consumer);
    }

    @Override
    public void endSuperstep() throws Exception {
        delta.finishWriting();
        AlternatingBuffers.forEach(delta, upserts::add);
        upserts.flush();
        delta.close();
        delta = null;
        workset.swap();
    }

    @Override
    public void writeSnapshot(SnapshotFiles.Writer out) throws Exception {
        solutionSet.forEach(record -> out.write(solutionSerializer, record));
        out.endSection();
        workset.forEachCurrent(record -> out.write(worksetSerializer, record));
        out.endSection();
    }

    @Override
    public void restore(SnapshotFiles.Reader in) throws Exception {
        in.section(solutionSerializer, upserts::add);
        upserts.flush();
        in.section(worksetSerializer, workset::addInitial);
    }

    @Override
    public void forEachResult(RecordConsumer consumer) throws Exception {
        solutionSet.forEach(consumer::accept);
    }

    @Override
    public void close() {
        workset.close();
        if (delta != null) {
            delta.close();
        }
        solutionSet.close();
    }
}
