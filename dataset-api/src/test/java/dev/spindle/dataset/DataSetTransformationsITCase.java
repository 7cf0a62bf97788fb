package dev.spindle.dataset;

import static dev.spindle.dataset.TestData.multiset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.FlatMapFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.MapPartitionFunction;
import dev.spindle.api.tuple.Tuple2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Record-at-a-time transformations, per-partition functions and repartitioning, end to end on an
 * embedded cluster, at parallelism 1 and 4. Every expected result is computed in plain Java.
 */
class DataSetTransformationsITCase {

    @RegisterExtension
    static final TestingCluster cluster = new TestingCluster();

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldReturnEveryElementOfCollectionsAndElements(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        List<Integer> numbers = TestData.skewedInts(1, 5_000, 1_000);

        assertEquals(multiset(numbers), multiset(env.fromCollection(numbers).collect()));
        assertEquals(multiset(List.of("a", "b", "a", "ü")), multiset(env.fromElements("a", "b", "a", "ü").collect()));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldGenerateEverySequenceNumberExactlyOnce(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<Long> actual = new ArrayList<>(env.generateSequence(-500, 99_499).collect());

        actual.sort(null);
        assertEquals(LongStream.rangeClosed(-500, 99_499).boxed().toList(), actual);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldMapWithLambdasAndNamedClasses(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<String> actual = env.generateSequence(1, 20_000).map(x -> x * 3).map(new Describe()).collect();

        List<String> expected = LongStream.rangeClosed(1, 20_000).mapToObj(x -> "n" + x * 3).toList();
        assertEquals(multiset(expected), multiset(actual));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldFlatMapSentencesIntoWords(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        List<String> sentences = TestData.sentences(2, 5_000);

        List<String> lambdaWords = env.fromCollection(sentences).rebalance()
                .flatMap((String s, Collector<String> out) -> {
                    for (String w : s.split(" ")) {
                        out.collect(w);
                    }
                })
                .collect();
        List<Tuple2<String, Integer>> classWords = env.fromCollection(sentences).rebalance()
                .flatMap(new SplitIntoPairs()).collect();

        List<String> expected = sentences.stream().flatMap(s -> List.of(s.split(" ")).stream()).toList();
        assertEquals(multiset(expected), multiset(lambdaWords));
        assertEquals(multiset(expected.stream().map(w -> Tuple2.of(w, 1)).toList()), multiset(classWords));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldKeepOnlyRecordsThatPassTheFilter(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<Long> actual = env.generateSequence(0, 99_999).filter(x -> TestData.skewedKey(x) == 0).collect();

        List<Long> expected = LongStream.range(0, 100_000).filter(x -> TestData.skewedKey(x) == 0).boxed().toList();
        assertEquals(multiset(expected), multiset(actual));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldCallMapPartitionOncePerPartition(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<Tuple2<Integer, Long>> counts = env.generateSequence(1, 50_000)
                .mapPartition(new CountPerSubtask<>()).collect();

        assertTrue(counts.size() <= parallelism, "more results than partitions: " + counts);
        Set<Integer> subtasks = counts.stream().map(t -> t.f0).collect(Collectors.toSet());
        assertEquals(counts.size(), subtasks.size(), "a subtask called mapPartition twice: " + counts);
        assertEquals(50_000L, counts.stream().mapToLong(t -> t.f1).sum());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldKeepAllRecordsAndSpreadThemWhenRebalancing(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        List<Integer> numbers = TestData.skewedInts(3, 20_000, 50);

        List<Integer> rebalanced = env.fromCollection(numbers).rebalance().collect();
        List<Tuple2<Integer, Long>> counts = env.fromCollection(numbers).rebalance()
                .mapPartition(new CountPerSubtask<>()).collect();

        assertEquals(multiset(numbers), multiset(rebalanced));
        assertEquals(20_000L, counts.stream().mapToLong(t -> t.f1).sum());
        long partitionsWithData = counts.stream().filter(t -> t.f1 > 0).count();
        if (parallelism > 1) {
            assertTrue(partitionsWithData > 1, "rebalance left all records in one partition: " + counts);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldSendEqualKeysToTheSamePartition(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Tuple2<Integer, Long>> pairs = env.generateSequence(0, 59_999).map(new ToKeyValue());

        List<Tuple2<Tuple2<Integer, Long>, Integer>> bySelector = pairs.partitionByHash(t -> t.f0)
                .map(new TagWithSubtask<>()).collect();
        List<Tuple2<Tuple2<Integer, Long>, Integer>> byField = pairs.partitionByHash(0)
                .map(new TagWithSubtask<>()).collect();

        List<Tuple2<Integer, Long>> expected = LongStream.range(0, 60_000)
                .mapToObj(i -> Tuple2.of(TestData.skewedKey(i), (long) TestData.value(i))).toList();
        for (List<Tuple2<Tuple2<Integer, Long>, Integer>> tagged : List.of(bySelector, byField)) {
            assertEquals(multiset(expected), multiset(tagged.stream().map(t -> t.f0).toList()));
            Map<Integer, Set<Integer>> subtasksOfKey = new HashMap<>();
            for (Tuple2<Tuple2<Integer, Long>, Integer> t : tagged) {
                subtasksOfKey.computeIfAbsent(t.f0.f0, k -> new HashSet<>()).add(t.f1);
            }
            subtasksOfKey.forEach((key, subtasks) ->
                    assertEquals(1, subtasks.size(), "key " + key + " went to subtasks " + subtasks));
            Set<Integer> used = tagged.stream().map(t -> t.f1).collect(Collectors.toSet());
            if (parallelism > 1) {
                assertTrue(used.size() > 1, "only subtasks " + used + " got data");
            }
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldUnionDataSetsOfEqualAndDifferentParallelism(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Long> first = env.generateSequence(0, 9_999);
        DataSet<Long> second = env.generateSequence(5_000, 19_999).setParallelism(parallelism == 1 ? 2 : 1);
        DataSet<Long> third = env.fromElements(-1L, -2L, 7L);

        List<Long> actual = first.union(second).union(third).union(env.generateSequence(100, 199)).collect();

        List<Long> expected = new ArrayList<>();
        LongStream.rangeClosed(0, 9_999).forEach(expected::add);
        LongStream.rangeClosed(5_000, 19_999).forEach(expected::add);
        expected.addAll(List.of(-1L, -2L, 7L));
        LongStream.rangeClosed(100, 199).forEach(expected::add);
        assertEquals(multiset(expected), multiset(actual));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldKeepBothCopiesWhenUnioningADataSetWithItself(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        DataSet<Long> numbers = env.generateSequence(1, 10_000);

        List<Long> actual = numbers.union(numbers).collect();

        Map<Long, Long> expected = new HashMap<>();
        LongStream.rangeClosed(1, 10_000).forEach(x -> expected.put(x, 2L));
        assertEquals(expected, multiset(actual));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldRemoveDuplicateRecords(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);
        List<Integer> numbers = TestData.skewedInts(4, 30_000, 700);

        List<Integer> actual = env.fromCollection(numbers).distinct().collect();

        assertEquals(new HashSet<>(numbers), new HashSet<>(actual));
        assertEquals(new HashSet<>(numbers).size(), actual.size(), "duplicates left");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldKeepOneRecordPerDistinctKey(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        List<Tuple2<Integer, Long>> actual = env.generateSequence(0, 49_999).map(new ToKeyValue())
                .distinct(t -> t.f0).collect();

        Map<Integer, Set<Long>> valuesOfKey = new HashMap<>();
        for (long i = 0; i < 50_000; i++) {
            valuesOfKey.computeIfAbsent(TestData.skewedKey(i), k -> new HashSet<>()).add((long) TestData.value(i));
        }
        assertEquals(valuesOfKey.keySet(), actual.stream().map(t -> t.f0).collect(Collectors.toSet()));
        assertEquals(valuesOfKey.size(), actual.size(), "more than one record for a key: " + actual.size());
        for (Tuple2<Integer, Long> t : actual) {
            assertTrue(valuesOfKey.get(t.f0).contains(t.f1), "not an input record: " + t);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4})
    void shouldCountRecords(int parallelism) throws Exception {
        ExecutionEnvironment env = cluster.createEnvironment(parallelism);

        long hot = env.generateSequence(0, 99_999).filter(x -> TestData.skewedKey(x) == 0).count();
        long all = env.fromCollection(TestData.skewedInts(5, 12_345, 10)).count();

        assertEquals(LongStream.range(0, 100_000).filter(x -> TestData.skewedKey(x) == 0).count(), hot);
        assertEquals(12_345L, all);
    }

    /** Describes a number as text. */
    static final class Describe implements MapFunction<Long, String> {
        @Override
        public String map(Long value) {
            return "n" + value;
        }
    }

    /** Emits (word, 1) for each word of a sentence. */
    static final class SplitIntoPairs implements FlatMapFunction<String, Tuple2<String, Integer>> {
        @Override
        public void flatMap(String sentence, Collector<Tuple2<String, Integer>> out) {
            for (String w : sentence.split(" ")) {
                out.collect(Tuple2.of(w, 1));
            }
        }
    }

    /** Turns an index into the record (skewed key, value) of {@link TestData}. */
    static final class ToKeyValue implements MapFunction<Long, Tuple2<Integer, Long>> {
        @Override
        public Tuple2<Integer, Long> map(Long index) {
            return Tuple2.of(TestData.skewedKey(index), (long) TestData.value(index));
        }
    }

    /** Emits one (subtask index, number of records) per call. */
    static final class CountPerSubtask<T> extends AbstractRichFunction
            implements MapPartitionFunction<T, Tuple2<Integer, Long>> {
        @Override
        public void mapPartition(Iterable<T> values, Collector<Tuple2<Integer, Long>> out) {
            long n = 0;
            for (T ignored : values) {
                n++;
            }
            out.collect(Tuple2.of(getRuntimeContext().getIndexOfThisSubtask(), n));
        }
    }

    /** Pairs each record with the index of the subtask that saw it. */
    static final class TagWithSubtask<T> extends AbstractRichFunction implements MapFunction<T, Tuple2<T, Integer>> {
        @Override
        public Tuple2<T, Integer> map(T value) {
            return Tuple2.of(value, getRuntimeContext().getIndexOfThisSubtask());
        }
    }
}
