package dev.spindle.runtime.operators;

import java.io.Serializable;

/**
 * Creates the operator of one plan node inside a task. The factory (with the user function it
 * holds) is serialized into the job graph; each subtask calls {@link #create()} once, or, inside an
 * iteration, once per superstep.
 */
@FunctionalInterface
public interface OperatorFactory<OUT> extends Serializable {
    Operator<OUT> create();
}
