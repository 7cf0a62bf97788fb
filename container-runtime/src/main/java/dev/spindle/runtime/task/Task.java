package dev.spindle.runtime.task;

import dev.spindle.api.accumulators.Accumulator;
import dev.spindle.runtime.io.InputFormat;
import dev.spindle.runtime.io.InputSplit;
import dev.spindle.runtime.iteration.IterationVertex;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.SuperstepDecision;
import dev.spindle.runtime.util.FileUtils;
import dev.spindle.runtime.util.InstantiationUtil;
import dev.spindle.runtime.util.SerializedThrowable;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One subtask attempt running in its own thread. Lifecycle: the TaskManager creates it and calls
 * {@link #start()}; the thread sets up inputs, outputs and the operator chain, runs the source or
 * input loop, finishes its partitions and reports exactly once to the {@link TaskListener}.
 * {@link #cancel()} may be called from any thread: it records the request, wakes the mailbox and
 * interrupts the thread. Everything else is touched by the task thread only.
 */
public final class Task implements Runnable {

    private static final Logger LOG = LogManager.getLogger(Task.class);

    private final TaskDeploymentDescriptor tdd;
    private final TaskEnvironment env;
    private final ClassLoader classLoader;
    private final TaskListener listener;
    private final TaskMailbox mailbox = new TaskMailbox();
    private final Thread thread;
    private final AtomicReference<ExecutionState> state = new AtomicReference<>(ExecutionState.DEPLOYING);
    private volatile boolean cancelRequested;
    private Consumer<SuperstepDecision> superstepDecisions;

    public Task(TaskDeploymentDescriptor tdd, TaskEnvironment env, ClassLoader classLoader, TaskListener listener) {
        this.tdd = tdd;
        this.env = env;
        this.classLoader = classLoader;
        this.listener = listener;
        this.thread = new Thread(this, tdd.taskNameWithSubtask());
        this.thread.setContextClassLoader(classLoader);
    }

    public TaskDeploymentDescriptor descriptor() {
        return tdd;
    }

    public ExecutionState state() {
        return state.get();
    }

    public void start() {
        thread.start();
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /** Asks the task to stop; it reports CANCELED unless it already ended. */
    public void cancel() {
        cancelRequested = true;
        mailbox.put(() -> {
            throw new CancelTaskException();
        });
        thread.interrupt();
    }

    /** Signals the end of a task when it was cancelled; never reported as a failure. */
    static final class CancelTaskException extends RuntimeException {
        CancelTaskException() {
            super("Task was cancelled", null, false, false);
        }
    }

    @Override
    public void run() {
        long start = System.currentTimeMillis();
        TaskResources resources = new TaskResources(tdd, classLoader, taskTempDirs(), env.memoryManager());
        TaskIO io = null;
        OperatorChain chain = null;
        Throwable failure = null;
        try {
            TaskSpec spec = InstantiationUtil.deserialize(tdd.serializedTaskSpec(), classLoader);
            io = new TaskIO(tdd, spec, env, mailbox);
            IterationVertex iteration = spec.vertex().iteration();
            state.set(ExecutionState.RUNNING);
            io.requestInputs();
            if (iteration != null && iteration.isHead()) {
                TaskLoop loop = new TaskLoop(null, io, mailbox, spec.vertex().bufferTimeoutMillis(), this);
                new IterationHeadDriver(this, spec.vertex(), io, loop, mailbox, resources, env.iterationBroker()).run();
            } else if (iteration != null) {
                TaskLoop loop = new TaskLoop(null, io, mailbox, spec.vertex().bufferTimeoutMillis(), this);
                loop.readBroadcastSets(resources.broadcastSets);
                new SuperstepLoop(spec.vertex(), io, loop, mailbox, resources, env.iterationBroker()).run();
            } else {
                chain = new OperatorChain(spec.vertex().chain(), io.writers(), resources);
                runChain(spec, io, chain, resources);
            }
            io.finishOutputs();
        } catch (Throwable t) {
            failure = t;
        } finally {
            if (chain != null) {
                chain.dispose();
            }
            if (io != null) {
                io.releaseInputs();
                if (failure != null) {
                    io.releaseOutputs();
                }
            }
            int leaked = resources.releaseMemory();
            if (leaked > 0 && failure == null) {
                LOG.debug("{} ended holding {} pages of managed memory; released", tdd.taskNameWithSubtask(), leaked);
            }
            for (File d : resources.tempDirectories) {
                FileUtils.deleteRecursively(d);
            }
        }
        reportEnd(failure, resources.accumulators, io, System.currentTimeMillis() - start);
    }

    /** Runs the operators of a vertex outside any iteration, from its source or its inputs to the end. */
    private void runChain(TaskSpec spec, TaskIO io, OperatorChain chain, TaskResources resources) throws Exception {
        TaskLoop loop = new TaskLoop(chain, io, mailbox, spec.vertex().bufferTimeoutMillis(), this);
        loop.readBroadcastSets(resources.broadcastSets);
        chain.open();
        if (spec.vertex().isSource()) {
            InputFormat<?, ?> format = spec.vertex().inputFormat();
            format.setRuntimeContext(new TaskRuntimeContext(resources, chain.headName(), -1, 0));
            List<InputSplit> splits = InstantiationUtil.deserialize(tdd.serializedSplits(), classLoader);
            loop.runSource(format, splits);
        } else {
            loop.runInputs();
        }
        chain.endChainAndClose();
    }

    /**
     * Hands a decision of the JobManager's superstep coordinator to this task (an iteration head),
     * through its mailbox; any thread.
     */
    public void onSuperstepDecision(SuperstepDecision decision) {
        mailbox.put(() -> {
            if (superstepDecisions != null) {
                superstepDecisions.accept(decision);
            }
        });
    }

    /** Where superstep decisions go; set by an iteration head on the task thread. */
    void setSuperstepDecisionHandler(Consumer<SuperstepDecision> handler) {
        this.superstepDecisions = handler;
    }

    private void reportEnd(Throwable failure, Map<String, Accumulator<?, ?>> accumulators, TaskIO io, long duration) {
        ExecutionState finalState;
        SerializedThrowable error = null;
        if (failure == null) {
            finalState = ExecutionState.FINISHED;
        } else if (cancelRequested || failure instanceof CancelTaskException) {
            finalState = ExecutionState.CANCELED;
        } else {
            finalState = ExecutionState.FAILED;
            error = SerializedThrowable.of(failure);
            LOG.warn("{} failed", tdd.taskNameWithSubtask(), failure);
        }
        state.set(finalState);
        byte[] acc = null;
        if (finalState == ExecutionState.FINISHED) {
            try {
                acc = InstantiationUtil.serialize(new HashMap<>(accumulators));
            } catch (IOException e) {
                finalState = ExecutionState.FAILED;
                error = SerializedThrowable.of(new IOException("Accumulators are not serializable: " + e, e));
            }
        }
        TaskMetrics metrics = io == null ? TaskMetrics.EMPTY : io.metrics(duration);
        LOG.debug("{} {} after {} ms", tdd.taskNameWithSubtask(), finalState, duration);
        listener.onTaskEnded(tdd, finalState, error, acc, metrics);
    }

    private File[] taskTempDirs() {
        File[] dirs = new File[env.tempDirectories().length];
        for (int i = 0; i < dirs.length; i++) {
            dirs[i] = new File(env.tempDirectories()[i], "task-" + tdd.attemptId());
        }
        return dirs;
    }
}
