package dev.spindle.runtime.task;

import dev.spindle.api.functions.Collector;
import dev.spindle.runtime.jobgraph.ChainedOperatorSpec;
import dev.spindle.runtime.operators.Operator;
import dev.spindle.runtime.shuffle.io.RecordWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators of one task wired together: each operator's output calls its chained successors
 * directly and writes to its network outputs. A source vertex has no head operator: its records
 * enter through {@link #headOutput()}. Used by the task thread only.
 */
final class OperatorChain {

    private final List<ChainedOperatorSpec> specs;
    private final Operator<?>[] operators;
    private final Collector<?>[] outputs;

    @SuppressWarnings({"unchecked", "rawtypes"})
    OperatorChain(List<ChainedOperatorSpec> specs, RecordWriter<?>[] writers, TaskResources resources) {
        this.specs = specs;
        this.operators = new Operator<?>[specs.size()];
        this.outputs = new Collector<?>[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            ChainedOperatorSpec spec = specs.get(i);
            if (!spec.isSource()) {
                operators[i] = spec.factory().create();
            }
        }
        for (int i = specs.size() - 1; i >= 0; i--) {
            ChainedOperatorSpec spec = specs.get(i);
            List<Collector<?>> targets = new ArrayList<>();
            for (int successor : spec.chainedSuccessors()) {
                targets.add(new ChainingCollector(operators[successor], specs.get(successor).name()));
            }
            for (int out : spec.outputs()) {
                targets.add(writers[out]);
            }
            outputs[i] = fanOut(targets);
            if (operators[i] != null) {
                TaskRuntimeContext ctx = new TaskRuntimeContext(resources, spec.name(), i,
                        resources.managedMemoryPages(spec.managedMemoryFraction()));
                ((Operator) operators[i]).setup(ctx, (Collector) outputs[i]);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Collector<?> fanOut(List<Collector<?>> targets) {
        if (targets.isEmpty()) {
            return record -> { };
        }
        if (targets.size() == 1) {
            return targets.get(0);
        }
        Collector[] array = targets.toArray(new Collector[0]);
        return record -> {
            for (Collector c : array) {
                c.collect(record);
            }
        };
    }

    /** Where a source's records go. */
    @SuppressWarnings("unchecked")
    <T> Collector<T> headOutput() {
        return (Collector<T>) outputs[0];
    }

    /** The input the head operator wants to read next (see {@link Operator#nextInput()}). */
    int headNextInput() {
        return operators[0].nextInput();
    }

    /** The operators in chain order; null for a source or an iteration head, which have none. */
    List<Operator<?>> operators() {
        return java.util.Arrays.asList(operators);
    }

    String headName() {
        return specs.get(0).name();
    }

    /** Opens operators from the tail so that each is ready before its predecessor emits. */
    void open() throws Exception {
        for (int i = operators.length - 1; i >= 0; i--) {
            if (operators[i] != null) {
                try {
                    operators[i].open();
                } catch (Exception e) {
                    throw new OperatorFailure(specs.get(i).name(), e);
                }
            }
        }
    }

    void processHead(int input, Object record) {
        try {
            operators[0].processElement(input, record);
        } catch (OperatorFailure e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorFailure(specs.get(0).name(), e);
        }
    }

    void endHeadInput(int input) {
        call(0, () -> operators[0].endInput(input));
    }

    /** After the head's inputs ended: lets every chained operator finish, in chain order, then closes all. */
    void endChainAndClose() {
        for (int i = 1; i < operators.length; i++) {
            Operator<?> op = operators[i];
            call(i, () -> op.endInput(0));
        }
        for (int i = 0; i < operators.length; i++) {
            Operator<?> op = operators[i];
            if (op != null) {
                call(i, op::close);
            }
        }
    }

    void dispose() {
        for (Operator<?> op : operators) {
            if (op != null) {
                op.dispose();
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void call(int index, Step step) {
        try {
            step.run();
        } catch (OperatorFailure e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorFailure(specs.get(index).name(), e);
        }
    }

    /** Passes records to a chained operator, naming it if it throws. */
    private static final class ChainingCollector<T> implements Collector<T> {
        private final Operator<?> operator;
        private final String name;

        ChainingCollector(Operator<?> operator, String name) {
            this.operator = operator;
            this.name = name;
        }

        @Override
        public void collect(T record) {
            try {
                operator.processElement(0, record);
            } catch (OperatorFailure e) {
                throw e;
            } catch (Exception e) {
                throw new OperatorFailure(name, e);
            }
        }
    }
}
