package dev.spindle.runtime.operators.range;

import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.operators.OneInputOperator;
import dev.spindle.runtime.sort.Order;
import dev.spindle.runtime.sort.SortKey;
import dev.spindle.runtime.sort.SortKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges the weighted key samples of all input subtasks (runs as a single subtask) and emits the
 * distinct sampled keys in ascending order, each with the share of the weight below it:
 * {@code (key, share)} records from which every subtask builds its {@link RangeBoundaries}. Keys
 * compare in their natural order ({@code null} first, Comparable, tuples field by field). Emits
 * nothing for empty input. Task thread only.
 */
public final class RangeBoundaryOperator extends OneInputOperator<Tuple2<Double, Object>, Tuple2<Object, Double>> {

    private transient List<Tuple2<Double, Object>> samples;

    @Override
    public void open() {
        samples = new ArrayList<>();
    }

    @Override
    public void process(Tuple2<Double, Object> sample) {
        samples.add(sample);
    }

    @Override
    public void endInput(int input) {
        SortKey<Object, Object> order = SortKeys.natural(Order.ASCENDING);
        samples.sort((a, b) -> order.compare(a.f1, b.f1));
        double total = 0;
        for (Tuple2<Double, Object> s : samples) {
            total += s.f0;
        }
        double below = 0;
        for (int i = 0; i < samples.size(); i++) {
            Tuple2<Double, Object> s = samples.get(i);
            if (i == 0 || order.compare(samples.get(i - 1).f1, s.f1) != 0) {
                output.collect(Tuple2.of(s.f1, below / total));
            }
            below += s.f0;
        }
        samples.clear();
    }
}
