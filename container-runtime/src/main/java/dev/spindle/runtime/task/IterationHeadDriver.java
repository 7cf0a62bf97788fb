package dev.spindle.runtime.task;

import dev.spindle.runtime.iteration.BulkHeadState;
import dev.spindle.runtime.iteration.CorruptSnapshotException;
import dev.spindle.runtime.iteration.DeltaHeadState;
import dev.spindle.runtime.iteration.EndOfSuperstepEvent;
import dev.spindle.runtime.iteration.FeedbackKind;
import dev.spindle.runtime.iteration.IterationBroker;
import dev.spindle.runtime.iteration.IterationHeadState;
import dev.spindle.runtime.iteration.IterationKind;
import dev.spindle.runtime.iteration.IterationOptions;
import dev.spindle.runtime.iteration.IterationSpec;
import dev.spindle.runtime.iteration.SnapshotFiles;
import dev.spindle.runtime.iteration.SnapshotMarker;
import dev.spindle.runtime.iteration.SnapshotStore;
import dev.spindle.runtime.iteration.SubtaskIteration;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.SuperstepDecision;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.SuperstepEnded;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.io.RecordWriter;
import dev.spindle.runtime.util.InstantiationUtil;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs an iteration head: reads the initial partial solution (or solution set and workset) into its
 * state, then for every superstep emits the superstep's input into the loop followed by the
 * end-of-superstep marker, waits until the tails of its subtask handed back the next input, reports
 * to the JobManager's coordinator, and waits for its decision: another superstep, or the end, when
 * it emits the result on its result outputs. Task thread only; decisions arrive as mail.
 */
final class IterationHeadDriver {

    private static final Logger LOG = LogManager.getLogger(IterationHeadDriver.class);

    private final Task task;
    private final JobVertex vertex;
    private final TaskIO io;
    private final TaskLoop loop;
    private final TaskMailbox mailbox;
    private final TaskResources resources;
    private final IterationBroker broker;
    private final IterationSpec spec;
    private SuperstepDecision decision;

    IterationHeadDriver(Task task, JobVertex vertex, TaskIO io, TaskLoop loop, TaskMailbox mailbox,
                        TaskResources resources, IterationBroker broker) {
        this.task = task;
        this.vertex = vertex;
        this.io = io;
        this.loop = loop;
        this.mailbox = mailbox;
        this.resources = resources;
        this.broker = broker;
        this.spec = vertex.iteration().spec();
    }

    void run() throws Exception {
        String jobId = resources.tdd.jobId();
        int subtask = resources.tdd.subtaskIndex();
        SubtaskIteration meeting = new SubtaskIteration(spec, resources.classLoader, mailbox::signalInput);
        task.setSuperstepDecisionHandler(d -> decision = d);
        SnapshotMarker resumeFrom = latestSnapshot();
        meeting.setFirstSuperstep(resumeFrom == null ? 1 : resumeFrom.superstep() + 1);
        broker.register(jobId, spec.id(), subtask, meeting);
        try (IterationHeadState state = createState()) {
            if (state instanceof DeltaHeadState delta) {
                meeting.setSolutionSet(delta.solutionSet());
            }
            Map<String, Serializable> previous = new HashMap<>();
            if (resumeFrom == null) {
                loop.readInputs(input -> record -> state.addInitial(input, record));
            } else {
                restore(state, resumeFrom);
                previous = resumeFrom.aggregates();
            }
            List<RecordWriter<Object>> loopOutputs = outputs(false);
            for (int superstep = meeting.firstSuperstep(); ; superstep++) {
                meeting.beginSuperstep(superstep, state.beginSuperstep(), previous);
                emit(state::forEachSuperstepInput, loopOutputs);
                for (RecordWriter<Object> out : loopOutputs) {
                    out.broadcastEvent(new EndOfSuperstepEvent(superstep));
                }
                while (!meeting.allTailsDone()) {
                    loop.betweenWork();
                    mailbox.await(-1);
                }
                state.endSuperstep();
                boolean snapshot = spec.snapshotsAfter(superstep);
                if (snapshot) {
                    writeSnapshot(state, superstep);
                }
                SuperstepDecision d = report(meeting, superstep, snapshot);
                previous = InstantiationUtil.deserialize(d.aggregates(), resources.classLoader);
                if (d.terminate()) {
                    break;
                }
            }
            emit(state::forEachResult, outputs(true));
        } finally {
            broker.unregister(jobId, spec.id(), subtask, meeting);
        }
    }

    /** The newest snapshot every subtask completed, or null if there is none (or snapshots are off). */
    private SnapshotMarker latestSnapshot() throws IOException {
        SnapshotStore store = spec.snapshotStore();
        if (store == null) {
            return null;
        }
        String latest = SnapshotFiles.latest(resources.tdd.jobId(), spec.id());
        if (!store.exists(latest)) {
            return null;
        }
        try {
            return SnapshotMarker.read(store, latest, resources.classLoader);
        } catch (IOException e) {
            throw new CorruptSnapshotException("Cannot read the snapshot marker " + store.describe(latest) + ": "
                    + e.getMessage() + "; set " + IterationOptions.SNAPSHOT_INTERVAL.key() + "=0 to start over", e);
        }
    }

    private void restore(IterationHeadState state, SnapshotMarker marker) throws Exception {
        SnapshotStore store = spec.snapshotStore();
        String part = SnapshotFiles.part(resources.tdd.jobId(), spec.id(), marker.superstep(),
                resources.tdd.subtaskIndex());
        try (SnapshotFiles.Reader in = new SnapshotFiles.Reader(store.open(part), store.describe(part))) {
            state.restore(in);
            in.verify();
        } catch (IOException e) {
            throw new CorruptSnapshotException(e.getMessage() + "; set " + IterationOptions.SNAPSHOT_INTERVAL.key()
                    + "=0 to start the iteration over", e);
        }
        LOG.info("{}: iteration '{}' resumed from the snapshot of superstep {} ({})",
                resources.tdd.taskNameWithSubtask(), spec.name(), marker.superstep(), store.describe(part));
    }

    private void writeSnapshot(IterationHeadState state, int superstep) throws Exception {
        SnapshotStore store = spec.snapshotStore();
        String part = SnapshotFiles.part(resources.tdd.jobId(), spec.id(), superstep, resources.tdd.subtaskIndex());
        try (SnapshotFiles.Writer out = new SnapshotFiles.Writer(store.create(part), superstep)) {
            state.writeSnapshot(out);
        }
    }

    @SuppressWarnings("unchecked")
    private IterationHeadState createState() throws Exception {
        int minPages = spec.kind() == IterationKind.BULK ? 4 : 8;
        int share = resources.managedMemoryPages(vertex.chain().get(0).managedMemoryFraction());
        List<MemorySegment> pages = resources.memoryManager.allocatePages(resources, Math.max(minPages, share));
        return spec.kind() == IterationKind.BULK
                ? new BulkHeadState((TypeSerializer<Object>) spec.solutionSerializer(), pages, resources.tempDirectories)
                : new DeltaHeadState(spec, pages, resources.tempDirectories);
    }

    /** The head's outputs into the loop, or those that carry the result. */
    @SuppressWarnings("unchecked")
    private List<RecordWriter<Object>> outputs(boolean result) {
        List<RecordWriter<Object>> outputs = new ArrayList<>();
        RecordWriter<?>[] writers = io.writers();
        for (int i = 0; i < writers.length; i++) {
            if (vertex.iteration().resultOutputs().contains(i) == result) {
                outputs.add((RecordWriter<Object>) writers[i]);
            }
        }
        return outputs;
    }

    private void emit(Emitter records, List<RecordWriter<Object>> outputs) throws Exception {
        records.forEach(record -> {
            for (RecordWriter<Object> out : outputs) {
                out.emit(record);
            }
            loop.recordDone();
        });
        for (RecordWriter<Object> out : outputs) {
            out.flushAll();
        }
    }

    /** Reports the end of {@code superstep} and waits for the coordinator's decision. */
    private SuperstepDecision report(SubtaskIteration meeting, int superstep, boolean snapshot) throws Exception {
        FeedbackKind next = spec.kind() == IterationKind.BULK ? FeedbackKind.PARTIAL_SOLUTION : FeedbackKind.WORKSET;
        byte[] aggregates = InstantiationUtil.serialize(new HashMap<>(meeting.takeAggregates()));
        decision = null;
        broker.sendToJobManager(new SuperstepEnded(resources.tdd.jobId(), resources.tdd.attemptId(), superstep,
                aggregates, meeting.count(next), meeting.count(FeedbackKind.TERMINATION_CRITERION), snapshot));
        while (decision == null || decision.superstep() != superstep) {
            loop.betweenWork();
            if (decision == null || decision.superstep() != superstep) {
                mailbox.await(-1);
            }
        }
        LOG.debug("{}: superstep {} done, {}", resources.tdd.taskNameWithSubtask(), superstep,
                decision.terminate() ? "iteration ends" : "next superstep");
        return decision;
    }

    /** A source of records to emit. */
    private interface Emitter {
        void forEach(IterationHeadState.RecordConsumer consumer) throws Exception;
    }
}
