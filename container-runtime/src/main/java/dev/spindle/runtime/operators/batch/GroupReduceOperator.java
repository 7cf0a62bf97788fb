package dev.spindle.runtime.operators.batch;

import dev.spindle.api.functions.GroupReduceFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.operators.UdfOperator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the values of each key and hands every group to the function when the input ends.
 * Groups are held in memory (a spilling, sort-based variant comes with managed memory). A null key
 * selector makes the whole input one group.
 */
public final class GroupReduceOperator<IN, OUT, K> extends UdfOperator<GroupReduceFunction<IN, OUT>, IN, OUT> {

    private final KeySelector<IN, K> keySelector;
    private transient Map<K, List<IN>> groups;

    public GroupReduceOperator(GroupReduceFunction<IN, OUT> function, KeySelector<IN, K> keySelector) {
        super(function);
        this.keySelector = keySelector;
    }

    @Override
    public void open() throws Exception {
        super.open();
        groups = new LinkedHashMap<>();
    }

    @Override
    public void process(IN record) throws Exception {
        K key = keySelector == null ? null : keySelector.getKey(record);
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
    }

    @Override
    public void endInput(int input) throws Exception {
        for (List<IN> group : groups.values()) {
            function.reduce(group, output);
        }
        groups.clear();
    }
}
