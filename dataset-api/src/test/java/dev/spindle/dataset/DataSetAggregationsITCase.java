package dev.spindle.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.GroupReduceFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.tuple.Tuple;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple3;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Grouped and full reductions and the tuple aggregations, end to end on an embedded cluster, at
 * parallelism 1 and 4, on data where one key holds about 40% of the records. Also runs a Java
 * record and a POJO through a shuffle to exercise their serializers.
 */
class DataSetAggregationsITCase {

    private static final int RECORDS = 100_000;

    @RegisterExtension
    static final TestingCluster cluster = new TestingCluster();

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldSumPerKeyWithKeySelectorReduce(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<Tuple3<Integer, Long, Double>> sums = records(env)
                .groupBy(t -> t.f0)
                .reduce((a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, a.f2 + b.f2))
                .collect();

        assertEquals(expectedPerKey(Long::sum), perKey(sums, 1));
        assertEquals(expectedQuartersPerKey(), perKey(sums, 2));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldCountWordsWithFieldKeyReduceThatUpdatesInPlace(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        List<String> sentences = TestData.sentences(6, 20_000);

        List<Tuple2<String, Integer>> counts = env.fromCollection(sentences).rebalance()
                .flatMap((String s, Collector<Tuple2<String, Integer>> out) -> {
                    for (String w : s.split(" ")) {
                        out.collect(Tuple2.of(w, 1));
                    }
                })
                .returns(new TypeHint<Tuple2<String, Integer>>() { })
                .groupBy(0)
                .reduce((a, b) -> {
                    a.f1 += b.f1;
                    return a;
                })
                .collect();

        Map<String, Integer> expected = new HashMap<>();
        sentences.forEach(s -> List.of(s.split(" ")).forEach(w -> expected.merge(w, 1, Integer::sum)));
        assertEquals(expected, perKey(counts, 1));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldHandEachWholeGroupToGroupReduce(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<Tuple3<Integer, Long, Long>> stats = records(env).groupBy(t -> t.f0)
                .reduceGroup(new CountAndMax()).collect();

        assertEquals(expectedPerKey(value -> 1L, Long::sum), perKey(stats, 1));
        assertEquals(expectedPerKey(Math::max), perKey(stats, 2));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldSumMinAndMaxIntegerLongAndDoubleFields(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Tuple3<Integer, Long, Double>> records = records(env);
        DataSet<Tuple2<String, Integer>> named = records.map(new NameKeyAndNarrowValue());

        assertEquals(expectedPerKey(Long::sum), perKey(records.groupBy(0).sum(1).collect(), 1));
        assertEquals(expectedQuartersPerKey(), perKey(records.groupBy(0).sum(2).collect(), 2));
        assertEquals(expectedPerKey(Math::min), perKey(records.groupBy(0).min(1).collect(), 1));
        assertEquals(expectedQuartersPerKey(Math::max), perKey(records.groupBy(0).max(2).collect(), 2));

        assertEquals(named(expectedPerKey(Long::sum)), perKey(named.groupBy(0).sum(1).collect(), 1));
        assertEquals(named(expectedPerKey(Math::min)), perKey(named.groupBy(0).min(1).collect(), 1));
        assertEquals(named(expectedPerKey(Math::max)), perKey(named.groupBy(0).max(1).collect(), 1));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldReduceAllRecordsToOne(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        List<Integer> numbers = TestData.skewedInts(7, 10_000, 1_000_000);

        List<Long> sum = env.generateSequence(1, RECORDS).reduce(Long::sum).collect();
        List<Integer> max = env.fromCollection(numbers).rebalance().reduce(Math::max).collect();

        assertEquals(List.of((long) RECORDS * (RECORDS + 1) / 2), sum);
        assertEquals(List.of(numbers.stream().mapToInt(Integer::intValue).max().getAsInt()), max);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldShuffleJavaRecordsAndPojosByField(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Purchase> purchases = env.generateSequence(0, RECORDS - 1).map(new ToPurchase());

        List<Purchase> perCustomer = purchases.groupBy(Purchase::customer)
                .reduce((a, b) -> new Purchase(a.customer(), a.quantity() + b.quantity(), a.price() + b.price()))
                .collect();
        List<CustomerTotal> totals = purchases.groupBy(Purchase::customer)
                .reduceGroup(new TotalPerCustomer()).collect();

        Map<String, Purchase> expected = new HashMap<>();
        for (long i = 0; i < RECORDS; i++) {
            expected.merge(new ToPurchase().map(i).customer(), new ToPurchase().map(i),
                    (a, b) -> new Purchase(a.customer(), a.quantity() + b.quantity(), a.price() + b.price()));
        }
        Map<String, Purchase> actual = new HashMap<>();
        perCustomer.forEach(p -> assertNull(actual.put(p.customer(), p), "customer twice: " + p.customer()));
        assertEquals(expected, actual);
        Map<String, Long> actualQuantities = new HashMap<>();
        totals.forEach(t -> assertNull(actualQuantities.put(t.customer, t.quantity), "twice: " + t.customer));
        Map<String, Long> expectedQuantities = new HashMap<>();
        expected.forEach((customer, p) -> expectedQuantities.put(customer, (long) p.quantity()));
        assertEquals(expectedQuantities, actualQuantities);
    }

    // ---- data and expectations ----

    /** (skewed key, value, value / 4): the double field holds quarters, so its sums are exact in any order. */
    private static DataSet<Tuple3<Integer, Long, Double>> records(ExecutionEnvironment env) {
        return env.generateSequence(0, RECORDS - 1).map(new ToRecord());
    }

    /** Per key, the values folded with {@code fold}. */
    private static Map<Integer, Long> expectedPerKey(BinaryOperator<Long> fold) {
        return expectedPerKey(value -> value, fold);
    }

    /** Per key, {@code lift} of each value, folded with {@code fold}. */
    private static Map<Integer, Long> expectedPerKey(UnaryOperator<Long> lift, BinaryOperator<Long> fold) {
        Map<Integer, Long> result = new HashMap<>();
        for (long i = 0; i < RECORDS; i++) {
            result.merge(TestData.skewedKey(i), lift.apply((long) TestData.value(i)), fold);
        }
        return result;
    }

    private static Map<Integer, Double> expectedQuartersPerKey() {
        return expectedQuartersPerKey(Double::sum);
    }

    private static Map<Integer, Double> expectedQuartersPerKey(BinaryOperator<Double> fold) {
        Map<Integer, Double> result = new HashMap<>();
        for (long i = 0; i < RECORDS; i++) {
            result.merge(TestData.skewedKey(i), TestData.value(i) / 4.0, fold);
        }
        return result;
    }

    private static Map<String, Integer> named(Map<Integer, Long> perKey) {
        Map<String, Integer> result = new HashMap<>();
        perKey.forEach((k, v) -> result.put("k" + k, Math.toIntExact(v)));
        return result;
    }

    /** Field 0 to field {@code field} of each tuple; fails if a key occurs twice. */
    private static <K, V> Map<K, V> perKey(List<? extends Tuple> tuples, int field) {
        Map<K, V> result = new HashMap<>();
        for (Tuple t : tuples) {
            K key = t.getField(0);
            V previous = result.put(key, t.getField(field));
            assertNull(previous, "key " + key + " occurs more than once");
        }
        return result;
    }

    // ---- functions and types ----

    /** A purchase; a Java record, serialized by the record serializer. */
    public record Purchase(String customer, int quantity, double price) {
    }

    /** Quantity bought per customer; a POJO, serialized by the POJO serializer. */
    public static class CustomerTotal {
        public String customer;
        public long quantity;

        public CustomerTotal() {
        }
    }

    /** Turns an index into the record (skewed key, value, value / 4). */
    static final class ToRecord implements MapFunction<Long, Tuple3<Integer, Long, Double>> {
        @Override
        public Tuple3<Integer, Long, Double> map(Long index) {
            int value = TestData.value(index);
            return Tuple3.of(TestData.skewedKey(index), (long) value, value / 4.0);
        }
    }

    /** ("k" + key, value as int). */
    static final class NameKeyAndNarrowValue
            implements MapFunction<Tuple3<Integer, Long, Double>, Tuple2<String, Integer>> {
        @Override
        public Tuple2<String, Integer> map(Tuple3<Integer, Long, Double> t) {
            return Tuple2.of("k" + t.f0, Math.toIntExact(t.f1));
        }
    }

    /** Turns an index into a purchase of the customer named after its skewed key. */
    static final class ToPurchase implements MapFunction<Long, Purchase> {
        @Override
        public Purchase map(Long index) {
            int value = TestData.value(index);
            return new Purchase("customer-" + TestData.skewedKey(index), 1 + value % 10, value / 4.0);
        }
    }

    /** (key, number of records, largest value) of a group. */
    static final class CountAndMax
            implements GroupReduceFunction<Tuple3<Integer, Long, Double>, Tuple3<Integer, Long, Long>> {
        @Override
        public void reduce(Iterable<Tuple3<Integer, Long, Double>> values, Collector<Tuple3<Integer, Long, Long>> out) {
            Integer key = null;
            long count = 0;
            long max = Long.MIN_VALUE;
            for (Tuple3<Integer, Long, Double> t : values) {
                key = t.f0;
                count++;
                max = Math.max(max, t.f1);
            }
            out.collect(Tuple3.of(key, count, max));
        }
    }

    /** Adds up the quantities of one customer's purchases. */
    static final class TotalPerCustomer implements GroupReduceFunction<Purchase, CustomerTotal> {
        @Override
        public void reduce(Iterable<Purchase> purchases, Collector<CustomerTotal> out) {
            CustomerTotal total = new CustomerTotal();
            for (Purchase p : purchases) {
                total.customer = p.customer();
                total.quantity += p.quantity();
            }
            out.collect(total);
        }
    }
}
