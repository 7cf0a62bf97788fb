package dev.spindle.runtime.iteration;

import dev.spindle.api.aggregators.Aggregator;
import dev.spindle.runtime.util.InstantiationUtil;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of aggregator instances copied from an iteration's prototypes: one per task (functions add
 * to it during a superstep), one per subtask meeting point (the tasks' values merged) and one on the
 * coordinator (the subtasks' values merged). Not thread-safe; owners synchronize.
 */
public final class IterationAggregators {

    private final Map<String, Aggregator<Serializable>> aggregators = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    public IterationAggregators(IterationSpec spec, ClassLoader classLoader) {
        for (Map.Entry<String, Aggregator<?>> e : spec.aggregators().entrySet()) {
            try {
                Aggregator<Serializable> copy = (Aggregator<Serializable>) InstantiationUtil.clone(e.getValue(),
                        classLoader);
                copy.reset();
                aggregators.put(e.getKey(), copy);
            } catch (IOException | ClassNotFoundException ex) {
                throw new IllegalStateException("Cannot copy aggregator '" + e.getKey() + "' of iteration '"
                        + spec.name() + "': " + ex, ex);
            }
        }
    }

    /** The instance registered under {@code name}. */
    public Aggregator<Serializable> get(String name) {
        Aggregator<Serializable> aggregator = aggregators.get(name);
        if (aggregator == null) {
            throw new IllegalArgumentException("The iteration has no aggregator named '" + name + "'; it has "
                    + aggregators.keySet());
        }
        return aggregator;
    }

    public boolean isEmpty() {
        return aggregators.isEmpty();
    }

    /** Adds every value of {@code values} to the instance of the same name. */
    public void mergeValues(Map<String, Serializable> values) {
        for (Map.Entry<String, Serializable> e : values.entrySet()) {
            if (e.getValue() != null) {
                get(e.getKey()).aggregate(e.getValue());
            }
        }
    }

    /** The current values by name. */
    public Map<String, Serializable> values() {
        Map<String, Serializable> values = new LinkedHashMap<>();
        aggregators.forEach((name, aggregator) -> values.put(name, aggregator.getAggregate()));
        return values;
    }

    /** The current values, then every instance reset. */
    public Map<String, Serializable> takeValues() {
        Map<String, Serializable> values = values();
        aggregators.values().forEach(Aggregator::reset);
        return values;
    }
}
