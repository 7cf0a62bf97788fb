package dev.spindle.examples.etl;

import dev.spindle.api.functions.Collector;
import dev.spindle.connectors.hdfs.TextOutputFormat;
import dev.spindle.dataset.DataSet;
import dev.spindle.dataset.ExecutionEnvironment;
import dev.spindle.examples.util.ExampleArgs;

/**
 * Writes the ETL example's input tables as a Spindle job:
 * {@code GenerateOrders --output DIR --orders N [--seed S] [--parallelism P]} creates
 * {@code DIR/orders} and {@code DIR/lineitem}, directories of CSV part files (see
 * {@link OrdersTables}); about 4 line items per order, roughly 160 bytes of data per order.
 */
public final class GenerateOrders {

    private GenerateOrders() {
    }

    public static void main(String[] args) throws Exception {
        ExampleArgs params = ExampleArgs.parse(args,
                "GenerateOrders --output DIR --orders N [--seed S] [--parallelism P]");
        ExecutionEnvironment env = ExecutionEnvironment.getExecutionEnvironment();
        params.optionalInt("parallelism").ifPresent(env::setParallelism);
        String output = params.required("output");
        long orders = params.optionalLong("orders").orElseThrow(
                () -> new IllegalArgumentException("Missing --orders. Usage: GenerateOrders --output DIR --orders N"));
        long seed = params.optionalLong("seed").orElse(42L);

        DataSet<Long> keys = env.generateSequence(1, orders);
        keys.map(key -> OrdersTables.order(key, seed).orderLine())
                .writeAsText(output + "/orders", TextOutputFormat.WriteMode.OVERWRITE);
        keys.flatMap((Long key, Collector<String> out) -> {
            for (String line : OrdersTables.order(key, seed).lineItemLines()) {
                out.collect(line);
            }
        }).returns(String.class).writeAsText(output + "/lineitem", TextOutputFormat.WriteMode.OVERWRITE);
        env.execute("GenerateOrders");
    }
}
