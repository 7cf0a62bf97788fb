package dev.spindle.runtime.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.CoreOptions;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.PlanCompiler;
import dev.spindle.runtime.jobgraph.TestingPlans;
import dev.spindle.runtime.plan.ExchangeMode;
import dev.spindle.runtime.plan.Plan;
import dev.spindle.runtime.plan.PlanNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelinedRegionsTest {

    private final TestingPlans plans = new TestingPlans();

    private JobGraph fourStages(ExchangeMode mode) {
        PlanNode s = plans.source(2);
        PlanNode a = plans.hash(s, 3, mode);
        PlanNode b = plans.hash(a, 2, mode);
        PlanNode c = plans.hash(b, 1, mode);
        Configuration conf = new Configuration();
        return new PlanCompiler(conf, 2).compile(new Plan("t", List.of(c), conf));
    }

    @Test
    void shouldPutAPipelinedJobInOneRegionNeedingItsLargestParallelism() {
        List<PipelinedRegion> regions = PipelinedRegions.compute(fourStages(ExchangeMode.PIPELINED));
        assertEquals(1, regions.size());
        assertEquals(List.of(0, 1, 2, 3), regions.get(0).vertices());
        assertEquals(3, regions.get(0).slotsNeeded(), "slot sharing: one slot per subtask index");
        assertEquals(Set.of(), regions.get(0).blockingInputs());
    }

    @Test
    void shouldSplitAtBlockingEdges() {
        List<PipelinedRegion> regions = PipelinedRegions.compute(fourStages(ExchangeMode.BLOCKING));
        assertEquals(4, regions.size());
        assertEquals(2, regions.get(0).slotsNeeded());
        assertEquals(3, regions.get(1).slotsNeeded());
        assertEquals(Set.of(0), regions.get(1).blockingInputs());
        assertEquals(Set.of(2), regions.get(3).blockingInputs());
    }

    @Test
    void shouldFollowTheJobWideDefaultExchangeMode() {
        PlanNode s = plans.source(2);
        PlanNode a = plans.hash(s, 2, null);
        Configuration conf = new Configuration().set(CoreOptions.BATCH_EXCHANGE_MODE, ExchangeMode.BLOCKING);
        JobGraph graph = new PlanCompiler(conf, 2).compile(new Plan("t", List.of(a), conf));
        assertEquals(2, PipelinedRegions.compute(graph).size());
    }
}
