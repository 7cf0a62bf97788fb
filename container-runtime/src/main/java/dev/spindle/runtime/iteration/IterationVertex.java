package dev.spindle.runtime.iteration;

import java.io.Serializable;
import java.util.Set;

/**
 * How a job vertex takes part in an iteration. The head vertex runs the iteration head alone; its
 * {@code resultOutputs} carry the final result, its other outputs each superstep's records. A body
 * vertex runs its operators once per superstep; its {@code staticInputs} come from outside the loop
 * and are read once, kept in {@code cacheMemoryFraction} of the slot's managed memory, and replayed
 * every superstep.
 */
public record IterationVertex(IterationSpec spec, Role role, Set<Integer> staticInputs, Set<Integer> resultOutputs,
                              double cacheMemoryFraction) implements Serializable {

    /** Head or loop body. */
    public enum Role { HEAD, BODY }

    public boolean isHead() {
        return role == Role.HEAD;
    }
}
