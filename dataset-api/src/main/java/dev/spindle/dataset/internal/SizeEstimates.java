package dev.spindle.dataset.internal;

import dev.spindle.runtime.operators.Operator;
import dev.spindle.runtime.operators.base.FilterOperator;
import dev.spindle.runtime.operators.base.IdentityOperator;
import dev.spindle.runtime.operators.base.MapOperator;
import dev.spindle.runtime.operators.batch.AllReduceOperator;
import dev.spindle.runtime.operators.batch.HashReduceOperator;
import dev.spindle.runtime.operators.batch.TupleAggregateOperator;
import dev.spindle.runtime.operators.sort.FirstNOperator;
import dev.spindle.runtime.operators.sort.SortPartitionOperator;
import dev.spindle.runtime.plan.PlanEdge;
import dev.spindle.runtime.plan.PlanNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rough sizes of the data a plan node produces, for choosing join strategies. A source reports its
 * own ({@link dev.spindle.runtime.io.InputFormat#estimatedSizeBytes()}); a step that emits at most
 * what it reads, or one record per record read (filter, map, reduce, aggregation, repartitioning,
 * sortPartition, first-n; a union adds up its inputs), passes its input's size on: an upper bound,
 * or for a map a guess. Any other step (flatMap, group reduce, map partition, join...) makes it
 * unknown. Which kind a step is, is read from the class of the operator its factory makes;
 * factories only store their arguments, so making one at plan time has no effect.
 */
public final class SizeEstimates {

    private static final List<Class<?>> SIZE_KEEPING = List.of(FilterOperator.class, MapOperator.class,
            IdentityOperator.class, HashReduceOperator.class, AllReduceOperator.class, TupleAggregateOperator.class,
            SortPartitionOperator.class, FirstNOperator.class);

    private SizeEstimates() {
    }

    /** The estimated bytes {@code node} produces, or -1 if unknown. */
    public static long bytes(PlanNode node) {
        return bytes(node, new HashMap<>());
    }

    private static long bytes(PlanNode node, Map<PlanNode, Long> known) {
        Long cached = known.get(node);
        if (cached != null) {
            return cached;
        }
        long size = node.isSource() ? sourceBytes(node) : operatorBytes(node, known);
        known.put(node, size);
        return size;
    }

    private static long sourceBytes(PlanNode node) {
        try {
            return Math.max(-1, node.inputFormat().estimatedSizeBytes());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static long operatorBytes(PlanNode node, Map<PlanNode, Long> known) {
        if (!keepsSize(node)) {
            return -1;
        }
        long sum = 0;
        for (PlanEdge edge : node.inputs()) {
            if (!edge.isBroadcastSet()) {
                long input = bytes(edge.source(), known);
                if (input < 0) {
                    return -1;
                }
                sum += input;
            }
        }
        return sum;
    }

    private static boolean keepsSize(PlanNode node) {
        try {
            Operator<?> operator = node.operatorFactory().create();
            return SIZE_KEEPING.contains(operator.getClass());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
