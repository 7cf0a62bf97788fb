package dev.spindle.examples.etl;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.JoinFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.MapPartitionFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.api.tuple.Tuple4;
import dev.spindle.connectors.hdfs.TextOutputFormat;
import dev.spindle.api.aggregation.Aggregations;
import dev.spindle.dataset.DataSet;
import dev.spindle.dataset.ExecutionEnvironment;
import dev.spindle.examples.util.ExampleArgs;
import dev.spindle.runtime.sort.Order;

/**
 * A relational ETL job over the tables of {@link GenerateOrders}, close to TPC-H query 3:
 * {@code OrderRevenue --tables DIR --output DIR [--cutoff YYYY-MM-DD] [--top N] [--parallelism P]}.
 * <ol>
 *   <li>line items shipped after the cutoff: revenue = extendedprice x (1 - discount), summed per
 *       order (group by + aggregate);</li>
 *   <li>joined with the orders placed before the cutoff;</li>
 *   <li>{@code OUTPUT/top-orders}: the N orders with the most revenue (ties by order key), as
 *       {@code orderkey,orderdate,priority,revenue} (sort + top-N);</li>
 *   <li>{@code OUTPUT/revenue-by-priority}: {@code priority,orders,revenue} per order priority,
 *       sorted by priority.</li>
 * </ol>
 * Revenue is exact: computed in units of 1/10000 as a long and written with four decimals.
 */
public final class OrderRevenue {

    public static final String DEFAULT_CUTOFF = "1995-03-15";
    public static final String TOP_ORDERS = "top-orders";
    public static final String REVENUE_BY_PRIORITY = "revenue-by-priority";

    private OrderRevenue() {
    }

    public static void main(String[] args) throws Exception {
        ExampleArgs params = ExampleArgs.parse(args,
                "OrderRevenue --tables DIR --output DIR [--cutoff YYYY-MM-DD] [--top N] [--parallelism P]");
        ExecutionEnvironment env = ExecutionEnvironment.getExecutionEnvironment();
        params.optionalInt("parallelism").ifPresent(env::setParallelism);
        String tables = params.required("tables");
        String output = params.required("output");
        String cutoff = params.optional("cutoff", DEFAULT_CUTOFF);
        int top = params.optionalInt("top").orElse(10);

        // orderkey, orderdate, orderpriority of the orders placed before the cutoff
        DataSet<Tuple3<Long, String, String>> orders = env.readCsvFile(tables + "/orders")
                .includeFields("100011")
                .types(Long.class, String.class, String.class)
                .filter(o -> o.f1.compareTo(cutoff) < 0);

        // orderkey, revenue of the line items shipped after the cutoff, summed per order
        DataSet<Tuple2<Long, Long>> revenuePerOrder = env.readCsvFile(tables + "/lineitem")
                .includeFields("10001110")
                .types(Long.class, Double.class, Double.class, String.class)
                .filter(l -> l.f3.compareTo(cutoff) > 0)
                .map(new Revenue())
                .groupBy(0)
                .sum(1);

        DataSet<Tuple4<Long, String, String, Long>> orderRevenue = revenuePerOrder
                .join(orders).where(0).equalTo(0)
                .with(new WithOrder());

        orderRevenue
                .sortPartition(3, Order.DESCENDING).sortPartition(0, Order.ASCENDING)
                .mapPartition(new FirstN(top))
                .sortPartition(3, Order.DESCENDING).sortPartition(0, Order.ASCENDING).setParallelism(1)
                .first(top)
                .writeAsFormattedText(output + "/" + TOP_ORDERS, TextOutputFormat.WriteMode.OVERWRITE,
                        o -> o.f0 + "," + o.f1 + "," + o.f2 + "," + OrdersTables.decimal(o.f3, 4));

        orderRevenue
                .map(new PriorityCount())
                .groupBy(0).aggregate(Aggregations.SUM, 1).and(Aggregations.SUM, 2)
                .sortPartition(0, Order.ASCENDING).setParallelism(1)
                .writeAsFormattedText(output + "/" + REVENUE_BY_PRIORITY, TextOutputFormat.WriteMode.OVERWRITE,
                        p -> p.f0 + "," + p.f1 + "," + OrdersTables.decimal(p.f2, 4));

        env.execute("OrderRevenue");
    }

    /** (orderkey, extendedprice, discount, shipdate) to (orderkey, revenue in 1/10000). */
    static final class Revenue implements MapFunction<Tuple4<Long, Double, Double, String>, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> map(Tuple4<Long, Double, Double, String> item) {
            long cents = Math.round(item.f1 * 100);
            long discountPercent = Math.round(item.f2 * 100);
            return Tuple2.of(item.f0, cents * (100 - discountPercent));
        }
    }

    /** Puts the order's date and priority next to its revenue. */
    static final class WithOrder implements JoinFunction<Tuple2<Long, Long>, Tuple3<Long, String, String>,
            Tuple4<Long, String, String, Long>> {
        @Override
        public Tuple4<Long, String, String, Long> join(Tuple2<Long, Long> revenue, Tuple3<Long, String, String> order) {
            return Tuple4.of(order.f0, order.f1, order.f2, revenue.f1);
        }
    }

    /** The first n records of a (sorted) partition. */
    static final class FirstN implements MapPartitionFunction<Tuple4<Long, String, String, Long>,
            Tuple4<Long, String, String, Long>> {
        private final int n;

        FirstN(int n) {
            this.n = n;
        }

        @Override
        public void mapPartition(Iterable<Tuple4<Long, String, String, Long>> records,
                                 Collector<Tuple4<Long, String, String, Long>> out) {
            int taken = 0;
            for (Tuple4<Long, String, String, Long> r : records) {
                if (taken++ == n) {
                    return;
                }
                out.collect(r);
            }
        }
    }

    /** (orderkey, date, priority, revenue) to (priority, 1, revenue). */
    static final class PriorityCount implements MapFunction<Tuple4<Long, String, String, Long>,
            Tuple3<String, Long, Long>> {
        @Override
        public Tuple3<String, Long, Long> map(Tuple4<Long, String, String, Long> o) {
            return Tuple3.of(o.f2, 1L, o.f3);
        }
    }
}
