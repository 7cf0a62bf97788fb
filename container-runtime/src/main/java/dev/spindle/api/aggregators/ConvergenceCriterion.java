package dev.spindle.api.aggregators;

import java.io.Serializable;

/**
 * Decides from an aggregator's merged value whether an iteration is done: asked at the end of every
 * superstep, on the JobManager; {@code true} ends the iteration with that superstep's result.
 */
@FunctionalInterface
public interface ConvergenceCriterion<T extends Serializable> extends Serializable {

    boolean isConverged(int superstep, T aggregate);
}
