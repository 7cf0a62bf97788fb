package dev.spindle.runtime.task;

import java.io.Serializable;

/** Counts of one task attempt, reported when it ends. */
public record TaskMetrics(long recordsIn, long bytesIn, long recordsOut, long bytesOut, long durationMillis)
        implements Serializable {

    public static final TaskMetrics EMPTY = new TaskMetrics(0, 0, 0, 0, 0);
}
