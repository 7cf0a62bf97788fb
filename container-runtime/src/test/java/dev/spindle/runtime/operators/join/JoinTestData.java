package dev.spindle.runtime.operators.join;

import dev.spindle.api.functions.Function;
import dev.spindle.api.functions.JoinFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.operators.Operator;
import dev.spindle.runtime.operators.OperatorFactory;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.serialization.TupleSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.testing.OperatorTestHarness;
import dev.spindle.runtime.testing.TestingOperatorContext;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Inputs and expected results for join operator tests: left records {@code (key, text)}, right
 * records {@code (key, number)}, keys possibly {@code null}; a join function that prints the pair;
 * the expected output computed independently with a plain {@link HashMap}; and a runner that feeds
 * an operator through the {@link OperatorTestHarness} in the order it selects.
 */
final class JoinTestData {

    static final TypeSerializer<Tuple2<Integer, String>> LEFT_SERIALIZER = tupleSerializer(Serializers.forClass(String.class));
    static final TypeSerializer<Tuple2<Integer, Long>> RIGHT_SERIALIZER = tupleSerializer(Serializers.forClass(Long.class));

    /** Prints a pair as {@code left|right}, {@code null} for a missing side. */
    static final JoinFunction<Tuple2<Integer, String>, Tuple2<Integer, Long>, String> PRINT =
            (l, r) -> l + "|" + r;

    private JoinTestData() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> TypeSerializer<Tuple2<Integer, T>> tupleSerializer(TypeSerializer<?> second) {
        return new TupleSerializer(Tuple2.class, new TypeSerializer<?>[] {Serializers.forClass(Integer.class), second});
    }

    static JoinSpec<Tuple2<Integer, String>, Tuple2<Integer, Long>> spec(JoinType type, Function function) {
        return new JoinSpec<>(type, t -> t.f0, t -> t.f0, LEFT_SERIALIZER, RIGHT_SERIALIZER, function);
    }

    /**
     * {@code n} left records with keys from {@code [from, from + keys)}, a share of them with a
     * {@code null} key; texts of 5 to 100 characters, and every 97th of 1,500 to 3,000 (longer than
     * small pages).
     */
    static List<Tuple2<Integer, String>> lefts(long seed, int n, int from, int keys, double nullShare) {
        Random random = new Random(seed);
        List<Tuple2<Integer, String>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Integer key = random.nextDouble() < nullShare ? null : from + random.nextInt(keys);
            int length = i % 97 == 0 ? 1500 + random.nextInt(1500) : 5 + random.nextInt(95);
            records.add(Tuple2.of(key, "l" + i + "-" + "x".repeat(length)));
        }
        return records;
    }

    static List<Tuple2<Integer, Long>> rights(long seed, int n, int from, int keys, double nullShare) {
        Random random = new Random(seed);
        List<Tuple2<Integer, Long>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Integer key = random.nextDouble() < nullShare ? null : from + random.nextInt(keys);
            records.add(Tuple2.of(key, (long) i));
        }
        return records;
    }

    /** {@code others} and {@code n} records made by {@code hot}, shuffled. */
    static <T> List<T> withHotKey(List<T> others, int n, IntFunction<T> hot) {
        List<T> records = new ArrayList<>(others);
        for (int i = 0; i < n; i++) {
            records.add(hot.apply(i));
        }
        Collections.shuffle(records, new Random(n));
        return records;
    }

    /** The expected output of {@link #PRINT}, sorted, by a plain in-memory hash join. */
    static List<String> expected(JoinType type, List<Tuple2<Integer, String>> lefts, List<Tuple2<Integer, Long>> rights) {
        Map<Integer, List<Tuple2<Integer, Long>>> rightsByKey = new HashMap<>();
        for (Tuple2<Integer, Long> r : rights) {
            if (r.f0 != null) {
                rightsByKey.computeIfAbsent(r.f0, k -> new ArrayList<>()).add(r);
            }
        }
        Map<Integer, Boolean> matchedRightKeys = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Tuple2<Integer, String> l : lefts) {
            List<Tuple2<Integer, Long>> matches = l.f0 == null ? List.of() : rightsByKey.getOrDefault(l.f0, List.of());
            for (Tuple2<Integer, Long> r : matches) {
                out.add(l + "|" + r);
            }
            if (!matches.isEmpty()) {
                matchedRightKeys.put(l.f0, true);
            } else if (type.keepsUnmatchedLeft()) {
                out.add(l + "|null");
            }
        }
        if (type.keepsUnmatchedRight()) {
            for (Tuple2<Integer, Long> r : rights) {
                if (r.f0 == null || !matchedRightKeys.containsKey(r.f0)) {
                    out.add("null|" + r);
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    /** The strategies under test, by name. */
    enum Strategy {
        HASH_BUILD_LEFT,
        HASH_BUILD_RIGHT,
        SORT_MERGE;

        <O> OperatorFactory<O> factory(JoinSpec<Tuple2<Integer, String>, Tuple2<Integer, Long>> spec) {
            return switch (this) {
                case HASH_BUILD_LEFT -> () -> new HashJoinOperator<>(spec, 0);
                case HASH_BUILD_RIGHT -> () -> new HashJoinOperator<>(spec, 1);
                case SORT_MERGE -> () -> new SortMergeJoinOperator<>(spec);
            };
        }
    }

    /**
     * Feeds both inputs to the harness's operator, in the order it selects (interleaved if it reads
     * either), finishes it and returns its output sorted. The harness is not closed.
     */
    static <O> List<String> run(OperatorTestHarness<O> harness, List<?> lefts, List<?> rights) throws Exception {
        harness.open();
        int selected = harness.operator().nextInput();
        if (selected == Operator.ANY_INPUT) {
            int n = Math.max(lefts.size(), rights.size());
            for (int i = 0; i < n; i++) {
                if (i < lefts.size()) {
                    harness.process(0, lefts.get(i));
                }
                if (i < rights.size()) {
                    harness.process(1, rights.get(i));
                }
            }
        } else {
            harness.process(selected, selected == 0 ? lefts : rights).endInput(selected);
            harness.process(1 - selected, selected == 0 ? rights : lefts);
        }
        List<String> out = new ArrayList<>();
        for (Object o : harness.finish()) {
            out.add(String.valueOf(o));
        }
        Collections.sort(out);
        return out;
    }

    static TestingOperatorContext context(Path tmp, int pages, int pageSize) {
        return new TestingOperatorContext().managedMemory(pages, pageSize).tempDirectories(tmp.toFile());
    }

    /** Files under {@code dir}, recursively. */
    static long countFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    static long bytesOf(File dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir.toPath())) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
