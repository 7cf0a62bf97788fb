package dev.spindle.runtime.task;

import dev.spindle.runtime.util.SerializedThrowable;

/** Where a task reports that it reached a terminal state. Called once, from the task's thread. */
public interface TaskListener {

    void onTaskEnded(TaskDeploymentDescriptor tdd, ExecutionState state, SerializedThrowable failure,
                     byte[] serializedAccumulators, TaskMetrics metrics);
}
