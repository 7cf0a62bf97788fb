package dev.spindle.runtime.operators;

/** An operator with a single input of type {@code IN}. */
public abstract class OneInputOperator<IN, OUT> extends Operator<OUT> {

    @Override
    @SuppressWarnings("unchecked")
    public final void processElement(int input, Object record) throws Exception {
        process((IN) record);
    }

    public abstract void process(IN record) throws Exception;
}
