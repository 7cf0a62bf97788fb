package dev.spindle.runtime.operators.batch;

import dev.spindle.api.functions.MapPartitionFunction;
import dev.spindle.runtime.operators.UdfOperator;
import java.util.ArrayList;
import java.util.List;

/** Hands all records of the partition to the function at once, when the input ends (held in memory). */
public final class MapPartitionOperator<IN, OUT> extends UdfOperator<MapPartitionFunction<IN, OUT>, IN, OUT> {

    private transient List<IN> records;

    public MapPartitionOperator(MapPartitionFunction<IN, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        records = new ArrayList<>();
    }

    @Override
    public void process(IN record) {
        records.add(record);
    }

    @Override
    public void endInput(int input) throws Exception {
        function.mapPartition(records, output);
        records = new ArrayList<>();
    }
}
