package dev.spindle.api.accumulators;

/** Sums doubles. */
public final class DoubleCounter implements Accumulator<Double, Double> {

    private double value;

    public DoubleCounter() {
    }

    public DoubleCounter(double value) {
        this.value = value;
    }

    @Override
    public void add(Double v) {
        value += v;
    }

    public void add(double v) {
        value += v;
    }

    @Override
    public Double getLocalValue() {
        return value;
    }

    @Override
    public void resetLocal() {
        value = 0;
    }

    @Override
    public void merge(Accumulator<Double, Double> other) {
        value += other.getLocalValue();
    }

    @Override
    public DoubleCounter copy() {
        return new DoubleCounter(value);
    }

    @Override
    public String toString() {
        return "DoubleCounter " + value;
    }
}
