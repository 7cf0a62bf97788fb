package dev.spindle.runtime.jobgraph;

import dev.spindle.runtime.io.InputFormat;
import dev.spindle.runtime.io.InputSplit;
import dev.spindle.runtime.operators.base.IdentityOperator;
import dev.spindle.runtime.plan.ExchangeMode;
import dev.spindle.runtime.plan.PlanEdge;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.shuffle.partitioner.ForwardPartitioner;
import dev.spindle.runtime.shuffle.partitioner.HashPartitioner;
import dev.spindle.runtime.shuffle.partitioner.Partitioner;

/** Small plans for compiler and scheduler tests. */
public final class TestingPlans {

    private int nextId;

    public PlanNode source(int parallelism) {
        return PlanNode.source(nextId++, "src", new NoInput()).setParallelism(parallelism)
                .setOutputSerializer(Serializers.forClass(String.class));
    }

    public PlanNode forward(PlanNode input, int parallelism) {
        return op("fwd", input, new ForwardPartitioner<>(), null, parallelism);
    }

    public PlanNode hash(PlanNode input, int parallelism, ExchangeMode mode) {
        return op("hash", input, new HashPartitioner<String>(s -> s), mode, parallelism);
    }

    public PlanNode op(String name, PlanNode input, Partitioner<?> partitioner, ExchangeMode mode, int parallelism) {
        PlanNode n = PlanNode.operator(nextId++, name, IdentityOperator::new).setParallelism(parallelism)
                .setOutputSerializer(Serializers.forClass(String.class));
        n.addInput(new PlanEdge(input, partitioner, mode, 0));
        return n;
    }

    /** A source that is never read in these tests. */
    static final class NoInput implements InputFormat<String, InputSplit> {
        @Override
        public InputSplit[] createInputSplits(int minNumSplits) {
            return new InputSplit[0];
        }

        @Override
        public void open(InputSplit split) {
        }

        @Override
        public boolean reachedEnd() {
            return true;
        }

        @Override
        public String nextRecord() {
            return null;
        }

        @Override
        public void close() {
        }
    }
}
