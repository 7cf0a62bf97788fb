package dev.spindle.runtime.jobmanager;

import dev.spindle.runtime.task.ExecutionState;
import dev.spindle.runtime.task.TaskMetrics;

/** One attempt of one subtask, as the JobManager tracks it. Main thread only. */
final class Execution {

    final int vertexId;
    final int subtask;
    final String attemptId;
    ExecutionState state = ExecutionState.CREATED;
    TaskManagerRegistry.Registration location;
    TaskMetrics metrics = TaskMetrics.EMPTY;

    Execution(int vertexId, int subtask, String attemptId) {
        this.vertexId = vertexId;
        this.subtask = subtask;
        this.attemptId = attemptId;
    }

    void transition(ExecutionState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("Task " + attemptId + " cannot go from " + state + " to " + next);
        }
        state = next;
    }
}
