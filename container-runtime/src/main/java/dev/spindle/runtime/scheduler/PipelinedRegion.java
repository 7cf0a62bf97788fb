package dev.spindle.runtime.scheduler;

import java.util.List;
import java.util.Set;

/**
 * Vertices connected by pipelined edges: they must run at the same time, so they are deployed
 * together. Subtask {@code i} of every vertex of the region shares slot {@code i}, so the region
 * needs as many slots as its largest parallelism. {@code blockingInputs} are the vertices outside
 * the region whose blocking results it reads; it may start once they all finished.
 */
public record PipelinedRegion(int id, List<Integer> vertices, Set<Integer> blockingInputs, int slotsNeeded) {
}
