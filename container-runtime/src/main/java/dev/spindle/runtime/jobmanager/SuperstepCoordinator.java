package dev.spindle.runtime.jobmanager;

import dev.spindle.api.aggregators.ConvergenceCriterion;
import dev.spindle.runtime.iteration.IterationAggregators;
import dev.spindle.runtime.iteration.IterationKind;
import dev.spindle.runtime.iteration.IterationSpec;
import dev.spindle.runtime.iteration.SnapshotFiles;
import dev.spindle.runtime.iteration.SnapshotMarker;
import dev.spindle.runtime.iteration.SnapshotStore;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.SuperstepEnded;
import dev.spindle.runtime.util.InstantiationUtil;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Synchronizes the supersteps of a job's iterations: collects the end-of-superstep report of every
 * subtask of an iteration head, merges their aggregator values, and decides whether the iteration
 * goes on (the same decision for all subtasks) or ends: at its maximum number of iterations, when
 * the workset or the termination criterion is empty, or when its convergence criterion says so.
 * One per job attempt; JobManager main thread only.
 */
final class SuperstepCoordinator {

    private static final Logger LOG = LogManager.getLogger(SuperstepCoordinator.class);

    /** What every head subtask does next, with the merged aggregates (Java-serialized). */
    record Decision(int superstep, boolean terminate, byte[] aggregates) {
    }

    private final String jobId;
    private final ClassLoader classLoader;
    private final Map<Integer, Map<Integer, SuperstepEnded>> reportsByHead = new HashMap<>();

    SuperstepCoordinator(String jobId, ClassLoader classLoader) {
        this.jobId = jobId;
        this.classLoader = classLoader;
    }

    /**
     * Takes subtask {@code subtask}'s report; returns the decision once every subtask of the head
     * reported this superstep, null before.
     */
    Decision onSuperstepEnded(JobVertex head, int subtask, SuperstepEnded report) throws Exception {
        Map<Integer, SuperstepEnded> reports = reportsByHead.computeIfAbsent(head.id(), k -> new HashMap<>());
        if (!reports.isEmpty() && reports.values().iterator().next().superstep() != report.superstep()) {
            throw new IllegalStateException("Iteration '" + head.iteration().spec().name() + "': subtask "
                    + (subtask + 1) + " reported superstep " + report.superstep() + " while others reported "
                    + reports.values().iterator().next().superstep());
        }
        reports.put(subtask, report);
        if (reports.size() < head.parallelism()) {
            return null;
        }
        reportsByHead.remove(head.id());
        IterationSpec spec = head.iteration().spec();
        IterationAggregators merged = new IterationAggregators(spec, classLoader);
        long nextInput = 0;
        long criterion = 0;
        boolean snapshotComplete = true;
        for (SuperstepEnded r : reports.values()) {
            snapshotComplete &= r.snapshotWritten();
            Map<String, Serializable> values = InstantiationUtil.deserialize(r.aggregates(), classLoader);
            merged.mergeValues(values);
            nextInput += r.nextInputRecords();
            criterion += r.criterionRecords();
        }
        Map<String, Serializable> values = merged.values();
        String reason = endReason(spec, report.superstep(), values, nextInput, criterion);
        if (reason != null) {
            LOG.info("Iteration '{}' ends after superstep {}: {}", spec.name(), report.superstep(), reason);
        } else {
            LOG.debug("Iteration '{}' superstep {} done: {} records for the next, aggregates {}", spec.name(),
                    report.superstep(), nextInput, values);
        }
        byte[] aggregates = InstantiationUtil.serialize(new HashMap<>(values));
        if (reason == null && snapshotComplete) {
            completeSnapshot(spec, report.superstep(), aggregates);
        }
        return new Decision(report.superstep(), reason != null, aggregates);
    }

    /** Every subtask wrote its part: the snapshot becomes the one to resume from; the one before goes. */
    private void completeSnapshot(IterationSpec spec, int superstep, byte[] aggregates) throws Exception {
        SnapshotStore store = spec.snapshotStore();
        SnapshotMarker.write(store, jobId, spec.id(), superstep, aggregates);
        int previous = superstep - spec.snapshotInterval();
        if (previous > 0) {
            store.delete(SnapshotFiles.iterationDir(jobId, spec.id()) + "/superstep-" + previous);
        }
        LOG.info("Iteration '{}': snapshot of superstep {} complete ({})", spec.name(), superstep,
                store.describe(SnapshotFiles.iterationDir(jobId, spec.id())));
    }

    /** Deletes the snapshots of a job's iterations (when the job ended). */
    static void deleteSnapshots(JobGraph graph) {
        for (JobVertex v : graph.vertices()) {
            if (v.iteration() != null && v.iteration().isHead() && v.iteration().spec().snapshotStore() != null) {
                SnapshotStore store = v.iteration().spec().snapshotStore();
                try {
                    store.delete(graph.jobId());
                } catch (Exception e) {
                    LOG.warn("Cannot delete the iteration snapshots in {}", store.describe(graph.jobId()), e);
                }
            }
        }
    }

    /** Why the iteration ends after {@code superstep}, or null if it goes on. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String endReason(IterationSpec spec, int superstep, Map<String, Serializable> aggregates,
                                    long nextInput, long criterion) {
        if (spec.kind() == IterationKind.DELTA && nextInput == 0) {
            return "the workset is empty";
        }
        if (spec.hasTerminationCriterion() && criterion == 0) {
            return "the termination criterion is empty";
        }
        if (spec.convergenceAggregator() != null) {
            Serializable value = aggregates.get(spec.convergenceAggregator());
            if (((ConvergenceCriterion) spec.convergenceCriterion()).isConverged(superstep, value)) {
                return "converged (aggregator '" + spec.convergenceAggregator() + "' = " + value + ")";
            }
        }
        if (superstep >= spec.maxIterations()) {
            return "reached the maximum of " + spec.maxIterations() + " iterations";
        }
        return null;
    }
}
