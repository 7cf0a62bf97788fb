package dev.spindle.api.aggregators;

/** Sums longs. */
public final class LongSumAggregator implements Aggregator<Long> {

    private long sum;

    @Override
    public Long getAggregate() {
        return sum;
    }

    @Override
    public void aggregate(Long element) {
        sum += element;
    }

    /** Adds without boxing. */
    public void aggregate(long value) {
        sum += value;
    }

    @Override
    public void reset() {
        sum = 0;
    }
}
