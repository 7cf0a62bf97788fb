package dev.spindle.runtime.jobmanager;

import dev.spindle.api.accumulators.Accumulator;
import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.client.JobStatus;
import dev.spindle.runtime.io.GlobalOutputHooks;
import dev.spindle.runtime.io.InputSplit;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.rest.ClusterView;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.CancelTask;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.DeployTask;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.ReleaseJob;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.SuperstepDecision;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.SuperstepEnded;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.TaskEnded;
import dev.spindle.runtime.scheduler.PipelinedRegion;
import dev.spindle.runtime.scheduler.PipelinedRegions;
import dev.spindle.runtime.task.ExecutionState;
import dev.spindle.runtime.util.InstantiationUtil;
import dev.spindle.runtime.util.SerializedThrowable;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs one job: prepares sinks and splits, deploys pipelined regions into free slots as their
 * blocking inputs complete, tracks every subtask, merges accumulators, and ends the job exactly
 * once (finished, failed with the first root cause, or cancelled). Everything runs on the
 * JobManager's main thread.
 */
final class JobMaster {

    private static final Logger LOG = LogManager.getLogger(JobMaster.class);

    private final JobGraph graph;
    private final ClassLoader classLoader;
    private final TaskManagerRegistry taskManagers;
    private final Consumer<JobResult> onTerminal;
    private final long slotTimeoutMillis;
    private final Execution[][] executions;
    private final Map<String, Execution> byAttempt = new HashMap<>();
    private final RestartStrategy restartStrategy;
    private final BiConsumer<Runnable, Long> delayedExecutor;
    private List<String> jarPaths;
    private int attempt;
    private final List<PipelinedRegion> regions;
    private final Set<Integer> startedRegions = new HashSet<>();
    private final Map<Integer, List<TaskManagerRegistry.Registration>> regionSlots = new HashMap<>();
    private final Map<String, Accumulator<Object, Serializable>> accumulators = new HashMap<>();
    private final long startTime = System.currentTimeMillis();
    private long endTime = -1;
    private DeploymentBuilder deployments;
    private JobStatus status = JobStatus.CREATED;
    private Throwable failure;
    private String failureSummary;
    private long waitingForSlotsSince = -1;
    private int missingSlots;
    private SuperstepCoordinator supersteps;

    JobMaster(JobGraph graph, ClassLoader classLoader, TaskManagerRegistry taskManagers, long slotTimeoutMillis,
              RestartStrategy restartStrategy, BiConsumer<Runnable, Long> delayedExecutor,
              Consumer<JobResult> onTerminal) {
        this.graph = graph;
        this.restartStrategy = restartStrategy;
        this.delayedExecutor = delayedExecutor;
        this.classLoader = classLoader;
        this.taskManagers = taskManagers;
        this.slotTimeoutMillis = slotTimeoutMillis;
        this.onTerminal = onTerminal;
        this.executions = new Execution[graph.vertices().size()][];
        createExecutions();
        this.regions = PipelinedRegions.compute(graph);
    }

    /** A fresh attempt of every subtask (at the start and at each restart). */
    private void createExecutions() {
        byAttempt.clear();
        supersteps = new SuperstepCoordinator(graph.jobId(), classLoader);
        for (JobVertex v : graph.vertices()) {
            executions[v.id()] = new Execution[v.parallelism()];
            for (int i = 0; i < v.parallelism(); i++) {
                Execution e = new Execution(v.id(), i, UUID.randomUUID().toString().replace("-", ""));
                executions[v.id()][i] = e;
                byAttempt.put(e.attemptId, e);
            }
        }
    }

    String jobId() {
        return graph.jobId();
    }

    JobStatus status() {
        return status;
    }

    /** Prepares sinks, creates input splits, and schedules the first regions. */
    void start(List<String> jarPaths) {
        this.jarPaths = jarPaths;
        status = JobStatus.RUNNING;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(classLoader);
        try {
            for (JobVertex v : graph.vertices()) {
                for (GlobalOutputHooks hooks : v.globalHooks()) {
                    hooks.initializeGlobal(v.parallelism());
                }
            }
            deployments = new DeploymentBuilder(graph, jarPaths, executions, createSplits());
        } catch (Exception e) {
            fail(e, null);
            return;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        LOG.info("Job {} ({}) started:\n{}", graph.name(), graph.jobId(), graph.describe());
        scheduleReadyRegions();
    }

    private byte[][][] createSplits() throws Exception {
        byte[][][] result = new byte[graph.vertices().size()][][];
        for (JobVertex v : graph.vertices()) {
            if (!v.isSource()) {
                continue;
            }
            InputSplit[] splits = v.inputFormat().createInputSplits(v.parallelism());
            result[v.id()] = new byte[v.parallelism()][];
            for (int s = 0; s < v.parallelism(); s++) {
                ArrayList<InputSplit> mine = new ArrayList<>();
                for (int i = s; i < splits.length; i += v.parallelism()) {
                    mine.add(splits[i]);
                }
                result[v.id()][s] = InstantiationUtil.serialize(mine);
            }
        }
        return result;
    }

    /** Deploys every region whose blocking inputs are done and for which there are slots. */
    void scheduleReadyRegions() {
        if (status != JobStatus.RUNNING) {
            return;
        }
        boolean waiting = false;
        missingSlots = 0;
        for (PipelinedRegion region : regions) {
            if (startedRegions.contains(region.id()) || !blockingInputsFinished(region)) {
                continue;
            }
            List<TaskManagerRegistry.Registration> slots = taskManagers.allocate(region.slotsNeeded());
            if (slots == null) {
                waiting = true;
                missingSlots += region.slotsNeeded() - taskManagers.freeSlots();
                continue;
            }
            startedRegions.add(region.id());
            regionSlots.put(region.id(), slots);
            deploy(region, slots);
        }
        waitingForSlotsSince = waiting ? (waitingForSlotsSince < 0 ? System.currentTimeMillis() : waitingForSlotsSince) : -1;
    }

    /** Slots this job's ready regions lack right now (0 when all could be deployed). */
    int missingSlots() {
        return status == JobStatus.RUNNING ? missingSlots : 0;
    }

    /** Called periodically: fails the job if a region waited too long for slots. */
    void checkSlotTimeout() {
        if (status == JobStatus.RUNNING && waitingForSlotsSince > 0
                && System.currentTimeMillis() - waitingForSlotsSince > slotTimeoutMillis) {
            int needed = regions.stream().filter(r -> !startedRegions.contains(r.id()))
                    .mapToInt(PipelinedRegion::slotsNeeded).max().orElse(0);
            fail(new IllegalStateException("Not enough task slots: a stage needs " + needed
                    + " slots but the cluster has " + taskManagers.totalSlots() + " (" + taskManagers.freeSlots()
                    + " free) after waiting " + slotTimeoutMillis / 1000 + " s; lower the parallelism or add slots"),
                    null);
        }
    }

    private boolean blockingInputsFinished(PipelinedRegion region) {
        for (int v : region.blockingInputs()) {
            for (Execution e : executions[v]) {
                if (e.state != ExecutionState.FINISHED) {
                    return false;
                }
            }
        }
        return true;
    }

    private void deploy(PipelinedRegion region, List<TaskManagerRegistry.Registration> slots) {
        List<Execution> toDeploy = new ArrayList<>();
        for (int v : region.vertices()) {
            for (Execution e : executions[v]) {
                e.location = slots.get(e.subtask);
                e.transition(ExecutionState.SCHEDULED);
                toDeploy.add(e);
            }
        }
        for (Execution e : toDeploy) {
            e.transition(ExecutionState.DEPLOYING);
            e.location.connection.send(new DeployTask(deployments.build(e)));
        }
    }

    void onTaskEnded(TaskEnded msg) {
        Execution e = byAttempt.get(msg.attemptId());
        if (e == null || e.state.isTerminal()) {
            return;
        }
        e.state = msg.state();
        e.metrics = msg.metrics();
        switch (msg.state()) {
            case FINISHED -> mergeAccumulators(e, msg.accumulators());
            case FAILED -> fail(msg.failure(), e);
            case CANCELED -> {
                if (status == JobStatus.RUNNING) {
                    fail(new IllegalStateException("Task " + describe(e) + " was cancelled unexpectedly"), e);
                }
            }
            default -> throw new IllegalStateException("Unexpected task state " + msg.state());
        }
        releaseFinishedRegions();
        scheduleReadyRegions();
        checkAllTerminal();
    }

    /** An iteration head subtask finished a superstep; when all did, they learn whether to go on. */
    void onSuperstepEnded(SuperstepEnded msg) {
        Execution e = byAttempt.get(msg.attemptId());
        if (e == null || e.state != ExecutionState.RUNNING && e.state != ExecutionState.DEPLOYING
                || status != JobStatus.RUNNING) {
            return;
        }
        JobVertex head = graph.vertex(e.vertexId);
        try {
            SuperstepCoordinator.Decision decision = supersteps.onSuperstepEnded(head, e.subtask, msg);
            if (decision == null) {
                return;
            }
            for (Execution subtask : executions[head.id()]) {
                subtask.location.connection.send(new SuperstepDecision(subtask.attemptId, decision.superstep(),
                        decision.terminate(), decision.aggregates()));
            }
        } catch (Exception ex) {
            fail(ex, e);
        }
    }

    @SuppressWarnings("unchecked")
    private void mergeAccumulators(Execution e, byte[] bytes) {
        if (bytes == null) {
            return;
        }
        try {
            Map<String, Accumulator<Object, Serializable>> taskAccs = InstantiationUtil.deserialize(bytes, classLoader);
            for (Map.Entry<String, Accumulator<Object, Serializable>> entry : taskAccs.entrySet()) {
                Accumulator<Object, Serializable> existing = accumulators.get(entry.getKey());
                if (existing == null) {
                    accumulators.put(entry.getKey(), entry.getValue());
                } else if (existing.getClass() != entry.getValue().getClass()) {
                    throw new IllegalStateException("Accumulator '" + entry.getKey() + "' has different types in "
                            + "different tasks: " + existing.getClass().getName() + " and "
                            + entry.getValue().getClass().getName());
                } else {
                    existing.merge(entry.getValue());
                }
            }
        } catch (Exception ex) {
            fail(ex, e);
        }
    }

    private void releaseFinishedRegions() {
        for (PipelinedRegion region : regions) {
            List<TaskManagerRegistry.Registration> slots = regionSlots.get(region.id());
            if (slots != null && regionTerminal(region)) {
                regionSlots.remove(region.id());
                slots.forEach(taskManagers::release);
            }
        }
    }

    private boolean regionTerminal(PipelinedRegion region) {
        for (int v : region.vertices()) {
            for (Execution e : executions[v]) {
                if (!e.state.isTerminal() && e.state != ExecutionState.CREATED) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A TaskManager disappeared: every task it ran fails. */
    void onTaskManagerLost(TaskManagerRegistry.Registration tm, String reason) {
        for (Execution[] row : executions) {
            for (Execution e : row) {
                if (e.location == tm && !e.state.isTerminal() && e.state != ExecutionState.CREATED) {
                    e.state = ExecutionState.FAILED;
                    fail(new IllegalStateException(reason), e);
                }
            }
        }
        regionSlots.values().forEach(list -> list.removeIf(r -> r == tm));
        releaseFinishedRegions();
        checkAllTerminal();
    }

    /**
     * Records the first failure and cancels everything else; when all tasks stopped, the job either
     * restarts (a task failed and the restart strategy allows it) or ends as failed. Failures while
     * preparing the job ({@code where == null}) and {@link dev.spindle.api.NotRetryable} ones (bad
     * data) never restart.
     */
    void fail(Throwable cause, Execution where) {
        if (status.isTerminal() || status == JobStatus.FAILING || status == JobStatus.CANCELLING
                || status == JobStatus.RESTARTING) {
            return;
        }
        failure = cause;
        failureSummary = FailureSummaries.summarize(cause, where == null ? null : describe(where));
        if (where != null && status == JobStatus.RUNNING && !SerializedThrowable.isNotRetryable(cause)
                && restartStrategy.canRestart()) {
            LOG.warn("Job {} restarting after: {}", graph.name(), failureSummary);
            status = JobStatus.RESTARTING;
            cancelRunningTasks();
            checkAllTerminal();
            return;
        }
        LOG.warn("Job {} failing: {}", graph.name(), failureSummary);
        status = JobStatus.FAILING;
        cancelRunningTasks();
        checkAllTerminal();
    }

    void cancel() {
        if (status.isTerminal() || status == JobStatus.FAILING || status == JobStatus.CANCELLING) {
            return;
        }
        status = JobStatus.CANCELLING;
        cancelRunningTasks();
        checkAllTerminal();
    }

    /** Whether any task of this job ran or runs on the TaskManager (which may hold its results). */
    boolean usesTaskManager(TaskManagerRegistry.Registration tm) {
        for (Execution[] row : executions) {
            for (Execution e : row) {
                if (e.location == tm) {
                    return true;
                }
            }
        }
        return false;
    }

    private void cancelRunningTasks() {
        for (Execution[] row : executions) {
            for (Execution e : row) {
                if (e.state == ExecutionState.CREATED) {
                    e.state = ExecutionState.CANCELED;
                } else if (!e.state.isTerminal() && e.state != ExecutionState.CANCELING) {
                    e.state = ExecutionState.CANCELING;
                    if (e.location.connection.isOpen()) {
                        e.location.connection.send(new CancelTask(e.attemptId));
                    } else {
                        e.state = ExecutionState.CANCELED;
                    }
                }
            }
        }
    }

    private void checkAllTerminal() {
        for (Execution[] row : executions) {
            for (Execution e : row) {
                if (!e.state.isTerminal()) {
                    return;
                }
            }
        }
        if (status == JobStatus.RUNNING) {
            finishSuccessfully();
        } else if (status == JobStatus.RESTARTING) {
            scheduleRestart();
        } else if (status == JobStatus.FAILING) {
            end(JobStatus.FAILED);
        } else if (status == JobStatus.CANCELLING) {
            end(JobStatus.CANCELED);
        }
    }

    private void scheduleRestart() {
        for (TaskManagerRegistry.Registration tm : taskManagers.all()) {
            tm.connection.send(new ReleaseJob(graph.jobId()));
        }
        regionSlots.values().forEach(list -> list.forEach(taskManagers::release));
        regionSlots.clear();
        long delay = restartStrategy.nextDelayMillis();
        attempt++;
        LOG.info("Job {} restarts (attempt {}) in {} ms", graph.name(), attempt + 1, delay);
        delayedExecutor.accept(this::restart, delay);
    }

    private void restart() {
        if (status != JobStatus.RESTARTING) {
            return;
        }
        createExecutions();
        startedRegions.clear();
        accumulators.clear();
        failure = null;
        failureSummary = null;
        cleanupSinks();
        status = JobStatus.CREATED;
        start(jarPaths);
    }

    /** A snapshot for the REST API. */
    ClusterView.JobDetails details() {
        List<ClusterView.VertexDetails> vertices = new ArrayList<>();
        for (JobVertex v : graph.vertices()) {
            long recordsIn = 0;
            long recordsOut = 0;
            long bytesIn = 0;
            long bytesOut = 0;
            ExecutionState state = null;
            for (Execution e : executions[v.id()]) {
                recordsIn += e.metrics.recordsIn();
                recordsOut += e.metrics.recordsOut();
                bytesIn += e.metrics.bytesIn();
                bytesOut += e.metrics.bytesOut();
                state = state == null || rank(e.state) > rank(state) ? e.state : state;
            }
            vertices.add(new ClusterView.VertexDetails(Integer.toString(v.id()), v.name(),
                    v.parallelism(), state, recordsIn, recordsOut, bytesIn, bytesOut));
        }
        return new ClusterView.JobDetails(graph.jobId(), graph.name(), status, startTime,
                endTime, vertices, failureSummary);
    }

    /** Which state describes a vertex whose subtasks are in different states: the most telling one. */
    private static int rank(ExecutionState s) {
        return switch (s) {
            case FINISHED -> 0;
            case CREATED -> 1;
            case SCHEDULED, DEPLOYING -> 2;
            case RUNNING -> 3;
            case CANCELING, CANCELED -> 4;
            case FAILED -> 5;
        };
    }

    /** How many times the job restarted so far. */
    int restarts() {
        return attempt;
    }

    private void finishSuccessfully() {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(classLoader);
        try {
            for (JobVertex v : graph.vertices()) {
                for (GlobalOutputHooks hooks : v.globalHooks()) {
                    hooks.finalizeGlobal(v.parallelism());
                }
            }
        } catch (Exception e) {
            status = JobStatus.FAILING;
            failure = e;
            failureSummary = FailureSummaries.summarize(e, null);
            end(JobStatus.FAILED);
            return;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        end(JobStatus.FINISHED);
    }

    private void end(JobStatus finalStatus) {
        if (finalStatus != JobStatus.FINISHED) {
            cleanupSinks();
        }
        SuperstepCoordinator.deleteSnapshots(graph);
        status = finalStatus;
        for (TaskManagerRegistry.Registration tm : taskManagers.all()) {
            tm.connection.send(new ReleaseJob(graph.jobId()));
        }
        regionSlots.values().forEach(list -> list.forEach(taskManagers::release));
        regionSlots.clear();
        byte[] acc = null;
        try {
            Map<String, Object> values = new HashMap<>();
            accumulators.forEach((k, v) -> values.put(k, v.getLocalValue()));
            acc = InstantiationUtil.serialize((Serializable) values);
        } catch (Exception e) {
            LOG.warn("Accumulators of job {} could not be serialized", graph.name(), e);
        }
        endTime = System.currentTimeMillis();
        long duration = endTime - startTime;
        LOG.info("Job {} ({}) {} after {} ms", graph.name(), graph.jobId(), finalStatus, duration);
        onTerminal.accept(new JobResult(graph.jobId(), graph.name(), finalStatus, duration, acc,
                failure == null ? null : SerializedThrowable.of(failure), failureSummary));
    }

    private void cleanupSinks() {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(classLoader);
        try {
            for (JobVertex v : graph.vertices()) {
                for (GlobalOutputHooks hooks : v.globalHooks()) {
                    try {
                        hooks.cleanupGlobal();
                    } catch (RuntimeException e) {
                        LOG.warn("Cleaning up the output of {} failed", v.name(), e);
                    }
                }
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private String describe(Execution e) {
        JobVertex v = graph.vertex(e.vertexId);
        String where = e.location == null ? "" : " on " + e.location.describe();
        return "'" + v.name() + "' (subtask " + (e.subtask + 1) + "/" + v.parallelism() + ")" + where;
    }
}
