package dev.spindle.runtime.iteration;

/** Bulk: the whole partial solution is recomputed each superstep. Delta: a workset updates a keyed solution set. */
public enum IterationKind {
    BULK,
    DELTA
}
