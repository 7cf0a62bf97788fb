package dev.spindle.runtime.jobgraph;

import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.CoreOptions;
import dev.spindle.runtime.iteration.IterationNodeRole;
import dev.spindle.runtime.iteration.IterationVertex;
import dev.spindle.runtime.plan.ExchangeMode;
import dev.spindle.runtime.plan.Plan;
import dev.spindle.runtime.plan.PlanEdge;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.partitioner.ForwardPartitioner;
import dev.spindle.runtime.shuffle.partitioner.Partitioner;
import dev.spindle.runtime.shuffle.partitioner.RebalancePartitioner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a plan into a job graph. Every node gets a parallelism; a node whose only input is a
 * pipelined forward edge from a node of equal parallelism is chained into that node's vertex;
 * every other edge becomes a job edge with a partitioner and an exchange mode. A forward edge
 * between different parallelisms becomes a rebalance. {@link PipelineBreakers} then makes the regions
 * schedulable, and every operator gets its share of its slot's managed memory.
 */
public final class PlanCompiler {

    private final Configuration config;
    private final int defaultParallelism;

    public PlanCompiler(Configuration config, int defaultParallelism) {
        this.config = config;
        this.defaultParallelism = defaultParallelism;
    }

    /** Mutable state of one compilation: the chain being grown per vertex. */
    private static final class VertexBuilder {
        final int id;
        final int parallelism;
        final PlanNode head;
        final List<PlanNode> nodes = new ArrayList<>();
        final Map<PlanNode, List<Integer>> outputsByNode = new HashMap<>();
        final List<Integer> outputEdgeIds = new ArrayList<>();
        final Set<Integer> staticInputs = new HashSet<>();
        final Set<Integer> resultOutputs = new HashSet<>();

        VertexBuilder(int id, PlanNode head, int parallelism) {
            this.id = id;
            this.head = head;
            this.parallelism = parallelism;
        }
    }

    private record PendingEdge(PlanNode target, PlanEdge edge, Partitioner<?> partitioner, ExchangeMode mode) {
    }

    public JobGraph compile(Plan plan) {
        List<PlanNode> order = plan.topologicalOrder();
        IterationPlans iterations = IterationPlans.analyze(order);
        Map<PlanNode, Integer> parallelism = new HashMap<>();
        Map<PlanNode, VertexBuilder> vertexOf = new HashMap<>();
        List<VertexBuilder> builders = new ArrayList<>();
        List<PendingEdge> networkEdges = new ArrayList<>();
        boolean chaining = config.get(CoreOptions.OPERATOR_CHAINING);
        ExchangeMode defaultMode = config.get(CoreOptions.BATCH_EXCHANGE_MODE);

        for (PlanNode node : order) {
            int p = resolveParallelism(node, iterations, parallelism);
            parallelism.put(node, p);
            PlanEdge chainInput = null;
            for (PlanEdge edge : node.inputs()) {
                ExchangeMode imposed = iterations.modeOf(node, edge);
                ExchangeMode mode = imposed != null ? imposed
                        : edge.exchangeMode() == null ? defaultMode : edge.exchangeMode();
                Partitioner<?> partitioner = edge.partitioner();
                boolean forward = partitioner instanceof ForwardPartitioner;
                boolean sameParallelism = parallelism.get(edge.source()) == p;
                if (forward && !sameParallelism) {
                    partitioner = new RebalancePartitioner<>();
                }
                if (chaining && forward && sameParallelism && mode == ExchangeMode.PIPELINED
                        && node.inputs().size() == 1 && iterations.mayChain(edge)) {
                    chainInput = edge;
                } else {
                    networkEdges.add(new PendingEdge(node, edge, partitioner, mode));
                }
            }
            VertexBuilder vb = chainInput != null ? vertexOf.get(chainInput.source()) : null;
            if (vb == null) {
                vb = new VertexBuilder(builders.size(), node, p);
                builders.add(vb);
            }
            vb.nodes.add(node);
            vertexOf.put(node, vb);
        }
        List<PipelineBreakers.Edge> modes = new ArrayList<>();
        int[] cacheWeight = new int[builders.size()];
        for (PendingEdge pe : networkEdges) {
            modes.add(new PipelineBreakers.Edge(vertexOf.get(pe.edge().source()).id, vertexOf.get(pe.target()).id,
                    pe.mode(), iterations.isLoopEdge(pe.target(), pe.edge())));
            if (iterations.isStaticInput(pe.target(), pe.edge()) && !pe.edge().isBroadcastSet()) {
                cacheWeight[vertexOf.get(pe.target()).id]++;
            }
        }
        PipelineBreakers.apply(builders.size(), modes);
        double[] cacheFractions = new double[builders.size()];
        double[] memoryFractions = memoryFractions(builders, modes, cacheWeight, cacheFractions);

        JobGraph graph = new JobGraph(UUID.randomUUID().toString().replace("-", ""), plan.jobName(),
                plan.configuration());
        // Edge ids first so that chains can name their outputs.
        List<JobEdge> edges = new ArrayList<>();
        for (int i = 0; i < networkEdges.size(); i++) {
            PendingEdge pe = networkEdges.get(i);
            VertexBuilder src = vertexOf.get(pe.edge().source());
            VertexBuilder dst = vertexOf.get(pe.target());
            int edgeId = edges.size();
            boolean pointwise = pe.partitioner() instanceof ForwardPartitioner;
            if (pe.target().iterationRole() == IterationNodeRole.RESULT) {
                src.resultOutputs.add(src.outputEdgeIds.size());
            }
            if (iterations.isStaticInput(pe.target(), pe.edge())) {
                dst.staticInputs.add(pe.edge().inputIndex());
            }
            edges.add(new JobEdge(edgeId, src.id, src.outputEdgeIds.size(), dst.id, pe.edge().inputIndex(),
                    pointwise ? DistributionPattern.POINTWISE : DistributionPattern.ALL_TO_ALL, modes.get(i).mode,
                    pe.partitioner(), edgeSerializer(pe), pe.edge().broadcastName()));
            src.outputsByNode.computeIfAbsent(pe.edge().source(), k -> new ArrayList<>()).add(src.outputEdgeIds.size());
            src.outputEdgeIds.add(edgeId);
        }
        for (VertexBuilder vb : builders) {
            JobVertex vertex = new JobVertex(vb.id, vertexName(vb), vb.parallelism, chainOf(vb, memoryFractions),
                    vb.head.isSource() ? vb.head.inputFormat() : null, bufferTimeout(vb));
            if (iterations.inLoop(vb.head)) {
                PlanNode head = iterations.headOf(vb.head);
                vertex.setIteration(new IterationVertex(head.iteration(),
                        head == vb.head ? IterationVertex.Role.HEAD : IterationVertex.Role.BODY,
                        Set.copyOf(vb.staticInputs), Set.copyOf(vb.resultOutputs), cacheFractions[vb.id]));
            }
            for (PlanNode n : vb.nodes) {
                if (n.globalHooks() != null) {
                    vertex.globalHooks().add(n.globalHooks());
                }
            }
            graph.addVertex(vertex);
        }
        // Output indexes were handed out in edge order, so adding edges in id order keeps them aligned.
        edges.forEach(graph::addEdge);
        return graph;
    }

    /** The serializer of an edge's records: its source's, but a delta iteration's result is the solution set. */
    private static TypeSerializer<?> edgeSerializer(PendingEdge pe) {
        if (pe.target().iterationRole() == IterationNodeRole.RESULT) {
            return pe.target().iteration().solutionSerializer();
        }
        return pe.edge().source().outputSerializer();
    }

    /**
     * Each node's share of a slot's managed memory, indexed by node id: its weight over the weights
     * of all nodes in its pipelined region, whose subtasks share one slot. A vertex of an iteration
     * with static inputs also weighs one per input for their cache; its share goes to
     * {@code cacheFractions}.
     */
    private static double[] memoryFractions(List<VertexBuilder> builders, List<PipelineBreakers.Edge> edges,
                                            int[] cacheWeight, double[] cacheFractions) {
        int[] region = PipelineBreakers.regions(builders.size(), edges);
        int[] regionWeight = new int[builders.size()];
        int maxId = 0;
        for (VertexBuilder vb : builders) {
            regionWeight[region[vb.id]] += cacheWeight[vb.id];
            for (PlanNode n : vb.nodes) {
                regionWeight[region[vb.id]] += n.managedMemoryWeight();
                maxId = Math.max(maxId, n.id());
            }
        }
        double[] fractions = new double[maxId + 1];
        for (VertexBuilder vb : builders) {
            for (PlanNode n : vb.nodes) {
                int total = regionWeight[region[vb.id]];
                fractions[n.id()] = total == 0 ? 0 : (double) n.managedMemoryWeight() / total;
            }
            int total = regionWeight[region[vb.id]];
            cacheFractions[vb.id] = total == 0 ? 0 : (double) cacheWeight[vb.id] / total;
        }
        return fractions;
    }

    private int resolveParallelism(PlanNode node, IterationPlans iterations, Map<PlanNode, Integer> resolved) {
        int p = node.parallelism() == PlanNode.DEFAULT_PARALLELISM ? defaultParallelism : node.parallelism();
        p = Math.max(1, Math.min(p, node.maxParallelism()));
        PlanNode head = iterations.headOf(node);
        if (head != null && head != node) {
            return iterations.parallelismInLoop(node, p, resolved.get(head));
        }
        if (node.iterationRole() == IterationNodeRole.RESULT && node.parallelism() == PlanNode.DEFAULT_PARALLELISM) {
            return resolved.get(node.inputs().get(0).source());
        }
        return p;
    }

    private long bufferTimeout(VertexBuilder vb) {
        long jobDefault = config.get(CoreOptions.BUFFER_TIMEOUT);
        long timeout = PlanNode.DEFAULT_BUFFER_TIMEOUT;
        for (PlanNode n : vb.nodes) {
            if (n.bufferTimeoutMillis() != PlanNode.DEFAULT_BUFFER_TIMEOUT) {
                timeout = timeout == PlanNode.DEFAULT_BUFFER_TIMEOUT ? n.bufferTimeoutMillis()
                        : minTimeout(timeout, n.bufferTimeoutMillis());
            }
        }
        return timeout == PlanNode.DEFAULT_BUFFER_TIMEOUT ? jobDefault : timeout;
    }

    /** The stricter of two timeouts: 0 beats N beats -1. */
    private static long minTimeout(long a, long b) {
        if (a == -1) {
            return b;
        }
        if (b == -1) {
            return a;
        }
        return Math.min(a, b);
    }

    private static String vertexName(VertexBuilder vb) {
        StringBuilder sb = new StringBuilder();
        for (PlanNode n : vb.nodes) {
            if (sb.length() > 0) {
                sb.append(" -> ");
            }
            sb.append(n.name());
        }
        return sb.toString();
    }

    private static List<ChainedOperatorSpec> chainOf(VertexBuilder vb, double[] memoryFractions) {
        List<ChainedOperatorSpec> chain = new ArrayList<>();
        Map<PlanNode, Integer> index = new HashMap<>();
        for (int i = 0; i < vb.nodes.size(); i++) {
            index.put(vb.nodes.get(i), i);
        }
        for (int i = 0; i < vb.nodes.size(); i++) {
            PlanNode n = vb.nodes.get(i);
            int input = i == 0 ? -1 : index.get(n.inputs().get(0).source());
            List<Integer> successors = new ArrayList<>();
            for (int j = i + 1; j < vb.nodes.size(); j++) {
                if (vb.nodes.get(j).inputs().get(0).source() == n) {
                    successors.add(j);
                }
            }
            chain.add(new ChainedOperatorSpec(n.id(), n.name(), n.isSource() ? null : n.operatorFactory(), input,
                    successors, vb.outputsByNode.getOrDefault(n, List.of()), memoryFractions[n.id()]));
        }
        return chain;
    }
}
