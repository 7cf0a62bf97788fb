package dev.spindle.runtime.iteration;

/**
 * What an iteration tail hands back to its head at the end of a superstep: the next partial solution
 * (bulk), the next workset and the solution set's changes (delta), or the termination criterion's
 * records, of which only the number counts (bulk: the iteration stops when there are none).
 */
public enum FeedbackKind {
    PARTIAL_SOLUTION,
    WORKSET,
    SOLUTION_SET_DELTA,
    TERMINATION_CRITERION
}
