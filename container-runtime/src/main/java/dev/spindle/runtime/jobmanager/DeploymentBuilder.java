package dev.spindle.runtime.jobmanager;

import dev.spindle.runtime.jobgraph.DistributionPattern;
import dev.spindle.runtime.jobgraph.JobEdge;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.shuffle.partition.PartitionId;
import dev.spindle.runtime.task.TaskDeploymentDescriptor;
import dev.spindle.runtime.task.TaskDeploymentDescriptor.ChannelDescriptor;
import dev.spindle.runtime.task.TaskDeploymentDescriptor.InputDescriptor;
import dev.spindle.runtime.task.TaskDeploymentDescriptor.OutputDescriptor;
import dev.spindle.runtime.task.TaskSpec;
import dev.spindle.runtime.util.InstantiationUtil;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Builds the deployment descriptor of a subtask from the job graph and where its producers run. */
final class DeploymentBuilder {

    private final JobGraph graph;
    private final List<String> jarPaths;
    private final Execution[][] executions;
    private final byte[][] taskSpecs;
    private final byte[][][] splits;

    DeploymentBuilder(JobGraph graph, List<String> jarPaths, Execution[][] executions, byte[][][] splits)
            throws IOException {
        this.graph = graph;
        this.jarPaths = jarPaths;
        this.executions = executions;
        this.splits = splits;
        this.taskSpecs = new byte[graph.vertices().size()][];
        for (JobVertex v : graph.vertices()) {
            List<JobEdge> in = v.inputEdges().stream().map(graph::edge).toList();
            List<JobEdge> out = v.outputEdges().stream().map(graph::edge).toList();
            taskSpecs[v.id()] = InstantiationUtil.serialize(new TaskSpec(v, in, out));
        }
    }

    TaskDeploymentDescriptor build(Execution execution) {
        JobVertex vertex = graph.vertex(execution.vertexId);
        List<InputDescriptor> inputs = new ArrayList<>();
        for (int edgeId : vertex.inputEdges()) {
            JobEdge edge = graph.edge(edgeId);
            inputs.add(new InputDescriptor(edgeId, edge.targetInput(), channels(edge, execution.subtask)));
        }
        List<OutputDescriptor> outputs = new ArrayList<>();
        for (int edgeId : vertex.outputEdges()) {
            JobEdge edge = graph.edge(edgeId);
            int consumers = edge.pattern() == DistributionPattern.POINTWISE ? 1
                    : graph.vertex(edge.targetVertex()).parallelism();
            outputs.add(new OutputDescriptor(edgeId, edge.sourceOutput(), consumers, edge.exchangeMode()));
        }
        byte[] split = splits[vertex.id()] == null ? null : splits[vertex.id()][execution.subtask];
        return new TaskDeploymentDescriptor(graph.jobId(), graph.name(), execution.attemptId, vertex.id(),
                vertex.name(), execution.subtask, vertex.parallelism(), taskSpecs[vertex.id()], split, jarPaths,
                inputs, outputs, graph.configuration());
    }

    private List<ChannelDescriptor> channels(JobEdge edge, int consumerSubtask) {
        Execution[] producers = executions[edge.sourceVertex()];
        List<ChannelDescriptor> channels = new ArrayList<>();
        if (edge.pattern() == DistributionPattern.POINTWISE) {
            channels.add(channel(producers[consumerSubtask], edge, 0));
        } else {
            for (Execution producer : producers) {
                channels.add(channel(producer, edge, consumerSubtask));
            }
        }
        return channels;
    }

    private static ChannelDescriptor channel(Execution producer, JobEdge edge, int subpartition) {
        if (producer.location == null) {
            throw new IllegalStateException("Producer " + producer.attemptId + " has no location; scheduler bug");
        }
        return new ChannelDescriptor(new PartitionId(producer.attemptId, edge.sourceOutput()), subpartition,
                producer.location.id, producer.location.host, producer.location.dataPort);
    }
}
