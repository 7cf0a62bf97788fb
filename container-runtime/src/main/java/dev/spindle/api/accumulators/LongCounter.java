package dev.spindle.api.accumulators;

/** Sums longs. */
public final class LongCounter implements Accumulator<Long, Long> {

    private long value;

    public LongCounter() {
    }

    public LongCounter(long value) {
        this.value = value;
    }

    @Override
    public void add(Long v) {
        value += v;
    }

    public void add(long v) {
        value += v;
    }

    @Override
    public Long getLocalValue() {
        return value;
    }

    @Override
    public void resetLocal() {
        value = 0;
    }

    @Override
    public void merge(Accumulator<Long, Long> other) {
        value += other.getLocalValue();
    }

    @Override
    public LongCounter copy() {
        return new LongCounter(value);
    }

    @Override
    public String toString() {
        return "LongCounter " + value;
    }
}
