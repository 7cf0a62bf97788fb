package dev.spindle.runtime.operators.range;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.operators.OneInputOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws a uniform sample of up to {@link #SAMPLE_SIZE} keys from its input partition (reservoir
 * sampling, seeded by the subtask index so reruns sample alike) and emits it at the end as
 * {@code (weight, key)} pairs: each sampled key stands for {@code weight} records, so partitions of
 * different sizes weigh in fairly when the samples are merged. Task thread only.
 */
public final class RangeSampleOperator<T, K> extends OneInputOperator<T, Tuple2<Double, Object>> {

    /** Keys sampled per input subtask. */
    public static final int SAMPLE_SIZE = 1024;

    private final KeySelector<T, K> keySelector;
    private transient List<Object> reservoir;
    private transient SplittableRandom random;
    private transient long seen;

    public RangeSampleOperator(KeySelector<T, K> keySelector) {
        this.keySelector = keySelector;
    }

    @Override
    public void open() {
        reservoir = new ArrayList<>(SAMPLE_SIZE);
        random = new SplittableRandom(0x5A3E_2D1CL + context.getIndexOfThisSubtask());
        seen = 0;
    }

    @Override
    public void process(T record) throws Exception {
        seen++;
        if (reservoir.size() < SAMPLE_SIZE) {
            reservoir.add(keySelector.getKey(record));
            return;
        }
        long slot = random.nextLong(seen);
        if (slot < SAMPLE_SIZE) {
            reservoir.set((int) slot, keySelector.getKey(record));
        }
    }

    @Override
    public void endInput(int input) {
        if (reservoir.isEmpty()) {
            return;
        }
        Double weight = (double) seen / reservoir.size();
        for (Object key : reservoir) {
            output.collect(Tuple2.of(weight, key));
        }
        reservoir.clear();
    }
}
