package dev.spindle.runtime.jobgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.CoreOptions;
import dev.spindle.runtime.plan.ExchangeMode;
import dev.spindle.runtime.plan.Plan;
import dev.spindle.runtime.plan.PlanNode;
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
}
