package dev.spindle.runtime.testing;

import dev.spindle.runtime.operators.Operator;
import dev.spindle.runtime.operators.OperatorFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one operator synchronously, the way a task would: {@code setup}, {@code open}, records per
 * input, {@code endInput} per input, {@code close}, and {@code dispose} at {@link #close()}.
 * It holds the operator to its {@link Operator#nextInput()} choice: feeding an input the operator
 * did not select fails. Output is collected in a list.
 */
public final class OperatorTestHarness<OUT> implements AutoCloseable {

    private final Operator<OUT> operator;
    private final TestingOperatorContext context;
    private final List<OUT> output = new ArrayList<>();
    private final boolean[] ended;
    private boolean opened;
    private boolean finished;

    public OperatorTestHarness(OperatorFactory<OUT> factory, int numInputs, TestingOperatorContext context) {
        this.operator = factory.create();
        this.context = context;
        this.ended = new boolean[numInputs];
        operator.setup(context, output::add);
    }

    public OperatorTestHarness(OperatorFactory<OUT> factory, int numInputs) {
        this(factory, numInputs, new TestingOperatorContext());
    }

    public TestingOperatorContext context() {
        return context;
    }

    public Operator<OUT> operator() {
        return operator;
    }

    public OperatorTestHarness<OUT> open() throws Exception {
        if (!opened) {
            opened = true;
            operator.open();
        }
        return this;
    }

    /** Feeds records to one input; fails if the operator selected another input or this one ended. */
    public OperatorTestHarness<OUT> process(int input, Iterable<?> records) throws Exception {
        open();
        for (Object record : records) {
            checkSelectable(input);
            operator.processElement(input, record);
        }
        return this;
    }

    public OperatorTestHarness<OUT> process(int input, Object... records) throws Exception {
        return process(input, List.of(records));
    }

    public OperatorTestHarness<OUT> endInput(int input) throws Exception {
        open();
        checkSelectable(input);
        ended[input] = true;
        operator.endInput(input);
        return this;
    }

    /** Ends every input not ended yet, in the order the operator selects them, and closes the operator. */
    public List<OUT> finish() throws Exception {
        open();
        for (int remaining = countOpen(); remaining > 0; remaining--) {
            int selected = operator.nextInput();
            int input = selected == Operator.ANY_INPUT ? firstOpen() : selected;
            endInput(input);
        }
        if (!finished) {
            finished = true;
            operator.close();
        }
        return output;
    }

    public List<OUT> output() {
        return output;
    }

    @Override
    public void close() {
        operator.dispose();
    }

    private void checkSelectable(int input) {
        if (ended[input]) {
            throw new IllegalStateException("Input " + input + " already ended");
        }
        int selected = operator.nextInput();
        if (selected != Operator.ANY_INPUT && selected != input) {
            throw new IllegalStateException("The operator reads input " + selected + " now, not input " + input);
        }
        if (selected != Operator.ANY_INPUT && ended[selected]) {
            throw new IllegalStateException("The operator selected input " + selected + ", which already ended");
        }
    }

    private int countOpen() {
        int n = 0;
        for (boolean e : ended) {
            n += e ? 0 : 1;
        }
        return n;
    }

    private int firstOpen() {
        for (int i = 0; i < ended.length; i++) {
            if (!ended[i]) {
                return i;
            }
        }
        throw new IllegalStateException("All inputs ended");
    }
}
