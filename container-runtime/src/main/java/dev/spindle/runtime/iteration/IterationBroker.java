package dev.spindle.runtime.iteration;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The TaskManager's directory of iteration meeting points ({@link SubtaskIteration}), by job,
 * iteration and subtask index, and its way to send superstep reports to the JobManager. Heads
 * register and unregister; body tasks look up. Thread-safe.
 */
public final class IterationBroker {

    private record Key(String jobId, int iterationId, int subtask) {
    }

    private final Map<Key, SubtaskIteration> meetingPoints = new ConcurrentHashMap<>();
    private final Consumer<Serializable> toJobManager;

    /** @param toJobManager sends a message to the JobManager (dropped if it is not connected) */
    public IterationBroker(Consumer<Serializable> toJobManager) {
        this.toJobManager = toJobManager;
    }

    public void register(String jobId, int iterationId, int subtask, SubtaskIteration iteration) {
        meetingPoints.put(new Key(jobId, iterationId, subtask), iteration);
        synchronized (this) {
            notifyAll();
        }
    }

    /** Removes the entry if it still is {@code iteration} (a newer attempt's head may have replaced it). */
    public void unregister(String jobId, int iterationId, int subtask, SubtaskIteration iteration) {
        meetingPoints.remove(new Key(jobId, iterationId, subtask), iteration);
    }

    /**
     * The meeting point of a body task, waiting for the head of its subtask to register it (a body
     * task may get its first records from the heads of other subtasks before its own head started).
     *
     * @throws IllegalStateException if the head does not register within {@code timeoutMillis}
     */
    public SubtaskIteration lookup(String jobId, int iterationId, int subtask, long timeoutMillis)
            throws InterruptedException {
        Key key = new Key(jobId, iterationId, subtask);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (this) {
            SubtaskIteration iteration;
            while ((iteration = meetingPoints.get(key)) == null) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new IllegalStateException("The head of iteration " + iterationId + " (subtask "
                            + (subtask + 1) + ") did not start in this TaskManager within " + timeoutMillis
                            + " ms; the tasks of an iteration must share slots");
                }
                wait(left);
            }
            return iteration;
        }
    }

    public void sendToJobManager(Serializable message) {
        toJobManager.accept(message);
    }
}
