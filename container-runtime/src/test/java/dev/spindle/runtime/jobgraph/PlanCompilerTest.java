package dev.spindle.runtime.jobgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.CoreOptions;
import dev.spindle.runtime.plan.ExchangeMode;
import dev.spindle.runtime.plan.Plan;
import dev.spindle.runtime.plan.PlanEdge;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.scheduler.PipelinedRegion;
import dev.spindle.runtime.scheduler.PipelinedRegions;
import dev.spindle.runtime.shuffle.partitioner.HashPartitioner;
import dev.spindle.runtime.shuffle.partitioner.RebalancePartitioner;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCompilerTest {

    private final TestingPlans plans = new TestingPlans();

    private static JobGraph compile(Configuration conf, PlanNode... sinks) {
        return new PlanCompiler(conf, 4).compile(new Plan("test", List.of(sinks), conf));
    }

    @Test
    void shouldChainForwardEdgesOfEqualParallelism() {
        PlanNode src = plans.source(4);
        PlanNode sink = plans.forward(plans.forward(src, 4), 4);
        JobGraph graph = compile(new Configuration(), sink);
        assertEquals(1, graph.vertices().size());
        assertEquals(3, graph.vertex(0).chain().size());
        assertEquals("src -> fwd -> fwd", graph.vertex(0).name());
        assertEquals(0, graph.edges().size());
    }

    @Test
    void shouldStartANewVertexAtAShuffle() {
        PlanNode src = plans.source(2);
        PlanNode sink = plans.forward(plans.hash(plans.forward(src, 2), 3, null), 3);
        JobGraph graph = compile(new Configuration(), sink);
        assertEquals(2, graph.vertices().size());
        JobEdge edge = graph.edge(0);
        assertEquals(DistributionPattern.ALL_TO_ALL, edge.pattern());
        assertEquals(ExchangeMode.PIPELINED, edge.exchangeMode());
        assertEquals(2, graph.vertex(1).chain().size(), "the forward after the shuffle is chained");
    }

    @Test
    void shouldTurnAForwardBetweenDifferentParallelismsIntoARebalance() {
        PlanNode sink = plans.forward(plans.source(1), 4);
        JobGraph graph = compile(new Configuration(), sink);
        assertEquals(2, graph.vertices().size());
        assertInstanceOf(RebalancePartitioner.class, graph.edge(0).partitioner());
        assertEquals(DistributionPattern.ALL_TO_ALL, graph.edge(0).pattern());
    }

    @Test
    void shouldNotChainBlockingEdgesOrWhenChainingIsOff() {
        Configuration blocking = new Configuration().set(CoreOptions.BATCH_EXCHANGE_MODE, ExchangeMode.BLOCKING);
        JobGraph graph = compile(blocking, plans.forward(plans.source(2), 2));
        assertEquals(2, graph.vertices().size());
        assertEquals(DistributionPattern.POINTWISE, graph.edge(0).pattern());
        assertEquals(ExchangeMode.BLOCKING, graph.edge(0).exchangeMode());

        Configuration noChaining = new Configuration().set(CoreOptions.OPERATOR_CHAINING, false);
        assertEquals(2, compile(noChaining, plans.forward(plans.source(2), 2)).vertices().size());
    }

    @Test
    void shouldUseTheDefaultParallelismAndRespectMaximums() {
        PlanNode src = plans.source(PlanNode.DEFAULT_PARALLELISM).setMaxParallelism(1);
        PlanNode sink = plans.hash(src, PlanNode.DEFAULT_PARALLELISM, null);
        JobGraph graph = compile(new Configuration(), sink);
        assertEquals(1, graph.vertex(0).parallelism());
        assertEquals(4, graph.vertex(1).parallelism());
    }

    @Test
    void shouldGiveABranchingNodeOneOutputPerConsumer() {
        PlanNode src = plans.source(2);
        PlanNode a = plans.hash(src, 2, null);
        PlanNode b = plans.hash(src, 2, ExchangeMode.BLOCKING);
        JobGraph graph = compile(new Configuration(), a, b);
        assertEquals(3, graph.vertices().size());
        assertEquals(List.of(0, 1), graph.vertex(0).outputEdges());
        assertEquals(0, graph.edge(0).sourceOutput());
        assertEquals(1, graph.edge(1).sourceOutput());
    }

    /** A two-input node reading {@code first} (blocking, read whole first) and {@code second}. */
    private PlanNode twoInput(PlanNode first, PlanNode second, int parallelism) {
        PlanNode join = plans.hash(first, parallelism, ExchangeMode.BLOCKING);
        join.addInput(new PlanEdge(second, new HashPartitioner<String>(s -> s), null, 1));
        return join;
    }

    private static ExchangeMode modeInto(JobGraph graph, int targetVertex, int targetInput) {
        return graph.edges().stream().filter(e -> e.targetVertex() == targetVertex && e.targetInput() == targetInput)
                .findFirst().orElseThrow().exchangeMode();
    }

    @Test
    void shouldKeepTheStreamedSideOfADamPipelinedWhenItsSourcesAreIndependent() {
        PlanNode join = twoInput(plans.source(2), plans.source(2), 2);
        JobGraph graph = compile(new Configuration(), join);
        int joinVertex = graph.vertices().size() - 1;
        assertEquals(ExchangeMode.BLOCKING, modeInto(graph, joinVertex, 0));
        assertEquals(ExchangeMode.PIPELINED, modeInto(graph, joinVertex, 1));
    }

    @Test
    void shouldBreakThePipelineBesideADamFedByTheSameSource() {
        PlanNode src = plans.source(2);
        PlanNode join = twoInput(plans.forward(src, 3), plans.forward(src, 3), 2);
        PlanNode sink = plans.forward(join, 2);
        JobGraph graph = compile(new Configuration(), sink);
        int joinVertex = graph.vertices().size() - 1;
        assertEquals(ExchangeMode.BLOCKING, modeInto(graph, joinVertex, 0));
        assertEquals(ExchangeMode.BLOCKING, modeInto(graph, joinVertex, 1),
                "a pipelined probe side would stall the shared source while the build side is read");
        assertEquals(2, graph.vertex(joinVertex).chain().size(), "the join's output stays chained");
        assertSchedulable(graph);
    }

    @Test
    void shouldBreakACycleOfRegionsAfterADam() {
        // src => dam -> union <- src: the dam's own output would put it in one region with src.
        PlanNode src = plans.source(2);
        PlanNode dam = plans.hash(src, 2, ExchangeMode.BLOCKING);
        PlanNode union = plans.hash(dam, 2, null);
        union.addInput(new PlanEdge(src, new HashPartitioner<String>(s -> s), null, 0));
        JobGraph graph = compile(new Configuration(), union);
        assertSchedulable(graph);
    }

    @Test
    void shouldShareASlotsManagedMemoryAmongTheWeightedOperatorsOfARegion() {
        PlanNode src = plans.source(2);
        PlanNode sorter = plans.hash(src, 2, null).setManagedMemoryWeight(1);
        PlanNode join = plans.hash(sorter, 2, null).setManagedMemoryWeight(3);
        PlanNode blockingSort = plans.hash(join, 2, ExchangeMode.BLOCKING).setManagedMemoryWeight(2);
        JobGraph graph = compile(new Configuration(), blockingSort);
        assertEquals(0.25, graph.vertex(1).chain().get(0).managedMemoryFraction(), 1e-9);
        assertEquals(0.75, graph.vertex(2).chain().get(0).managedMemoryFraction(), 1e-9);
        assertEquals(1.0, graph.vertex(3).chain().get(0).managedMemoryFraction(), 1e-9, "alone in its region");
        assertEquals(0.0, graph.vertex(0).chain().get(0).managedMemoryFraction(), 1e-9);
    }

    /** No blocking edge inside a pipelined region, and the regions can be ordered. */
    private static void assertSchedulable(JobGraph graph) {
        List<PipelinedRegion> regions = PipelinedRegions.compute(graph);
        int[] regionOf = new int[graph.vertices().size()];
        for (PipelinedRegion r : regions) {
            for (int v : r.vertices()) {
                regionOf[v] = r.id();
            }
        }
        for (JobEdge e : graph.edges()) {
            if (e.exchangeMode() == ExchangeMode.BLOCKING) {
                assertNotEquals(regionOf[e.sourceVertex()], regionOf[e.targetVertex()], "blocking edge " + e.id()
                        + " inside a region");
            }
        }
        java.util.Set<Integer> done = new java.util.HashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (PipelinedRegion r : regions) {
                if (!done.contains(r.id()) && r.blockingInputs().stream().allMatch(v -> done.contains(regionOf[v]))) {
                    done.add(r.id());
                    progress = true;
                }
            }
        }
        assertEquals(regions.size(), done.size(), "every region can be scheduled after its blocking inputs");
    }
}
