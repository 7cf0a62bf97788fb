package dev.spindle.dataset;

import dev.spindle.runtime.plan.PlanNode;

/** A sink of the program; lets the user name it and set its parallelism. */
public final class DataSink<T> {

    private final PlanNode node;

    DataSink(PlanNode node) {
        this.node = node;
    }

    public DataSink<T> name(String name) {
        node.setName(name);
        return this;
    }

    public DataSink<T> setParallelism(int parallelism) {
        node.setParallelism(parallelism);
        return this;
    }
}
