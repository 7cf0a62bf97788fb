package dev.spindle.runtime.jobgraph;

import dev.spindle.runtime.operators.OperatorFactory;
import java.io.Serializable;
import java.util.List;

/**
 * One operator inside a vertex's chain. The head (index 0) is either a source (no factory) or
 * reads the vertex's network inputs; every other operator reads the output of {@code input}, an
 * earlier operator of the chain. Each operator's output goes to its chained successors and to the
 * vertex outputs listed in {@code outputs}. {@code managedMemoryFraction} is the operator's share of
 * its slot's managed memory (a slot runs one subtask of every vertex of a pipelined region).
 */
public record ChainedOperatorSpec(int nodeId, String name, OperatorFactory<?> factory, int input,
                                  List<Integer> chainedSuccessors, List<Integer> outputs,
                                  double managedMemoryFraction) implements Serializable {

    public boolean isSource() {
        return factory == null;
    }
}
