package dev.spindle.api.aggregators;

/** Sums doubles. */
public final class DoubleSumAggregator implements Aggregator<Double> {

    private double sum;

    @Override
    public Double getAggregate() {
        return sum;
    }

    @Override
    public void aggregate(Double element) {
        sum += element;
    }

    /** Adds without boxing. */
    public void aggregate(double value) {
        sum += value;
    }

    @Override
    public void reset() {
        sum = 0;
    }
}
