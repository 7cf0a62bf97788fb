package dev.spindle.api.accumulators;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts how often each int value occurs: the result maps every value added at least once to its
 * count, in ascending order of the values. Merging adds the counts of equal values. Keep the number
 * of distinct values small (bucket the values first): the whole map travels to the client.
 */
public final class Histogram implements Accumulator<Integer, TreeMap<Integer, Integer>> {

    private final TreeMap<Integer, Integer> counts = new TreeMap<>();

    @Override
    public void add(Integer value) {
        add(value.intValue());
    }

    public void add(int value) {
        counts.merge(value, 1, Integer::sum);
    }

    @Override
    public TreeMap<Integer, Integer> getLocalValue() {
        return counts;
    }

    @Override
    public void resetLocal() {
        counts.clear();
    }

    @Override
    public void merge(Accumulator<Integer, TreeMap<Integer, Integer>> other) {
        for (Map.Entry<Integer, Integer> e : other.getLocalValue().entrySet()) {
            counts.merge(e.getKey(), e.getValue(), Integer::sum);
        }
    }

    @Override
    public Histogram copy() {
        Histogram copy = new Histogram();
        copy.counts.putAll(counts);
        return copy;
    }

    @Override
    public String toString() {
        return "Histogram " + counts;
    }
}
