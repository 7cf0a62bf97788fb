package dev.spindle.runtime.task;

import dev.spindle.runtime.jobgraph.JobEdge;
import dev.spindle.runtime.jobgraph.JobVertex;
import java.io.Serializable;
import java.util.List;

/** The code of one vertex: its operator chain and the serializers and partitioners of its edges. */
public record TaskSpec(JobVertex vertex, List<JobEdge> inputEdges, List<JobEdge> outputEdges) implements Serializable {
}
