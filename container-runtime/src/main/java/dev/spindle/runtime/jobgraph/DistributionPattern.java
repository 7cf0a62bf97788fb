package dev.spindle.runtime.jobgraph;

/** Which producer subtasks feed which consumer subtasks. */
public enum DistributionPattern {
    /** Producer i feeds consumer i only (forward edges of equal parallelism). */
    POINTWISE,
    /** Every producer feeds every consumer (hash, rebalance, broadcast). */
    ALL_TO_ALL
}
