package dev.spindle.dataset;

import dev.spindle.api.functions.JoinFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.operators.join.JoinType;
import dev.spindle.runtime.shuffle.partitioner.KeyHashing;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Generated join inputs and their expected results, for the join ITCases. Left records are
 * {@code (key, "L<i>" + padding)}, right records {@code (key, j)}; keys are pseudo-random in a range
 * per side (the ranges overlap partly, so both sides have keys the other lacks), every 13th key is
 * {@code null}, and optionally half of the left records (and some right ones) share {@link #HOT_KEY}.
 * The records are made from a sequence number by map functions, so that a parallel
 * {@code generateSequence} produces them, and the expected result is computed from the same numbers
 * by a plain hash join in this JVM.
 */
public final class JoinData {

    public static final int HOT_KEY = 424_242;

    /** Prints a pair as {@code left|right}; a missing side prints as {@code null}. */
    public static final JoinFunction<Tuple2<Integer, String>, Tuple2<Integer, Long>, String> PRINT = (l, r) -> l + "|" + r;

    /**
     * @param count records per side
     * @param keys keys per side: left keys are {@code [0, keys)}, right keys {@code [keys / 2, keys * 3 / 2)}
     * @param padding characters appended to every left value (to make records bigger)
     * @param hotRightEvery 0 for no hot key; else half of the left records and every so many right
     *        records have {@link #HOT_KEY}
     */
    public record Shape(long count, int keys, int padding, int hotRightEvery) implements Serializable {
    }

    private JoinData() {
    }

    public static Tuple2<Integer, String> left(long i, Shape shape) {
        String value = "L" + i + (shape.padding() > 0 ? "-" + "p".repeat(shape.padding()) : "");
        if (i % 13 == 5) {
            return Tuple2.of(null, value);
        }
        if (shape.hotRightEvery() > 0 && i % 2 == 0) {
            return Tuple2.of(HOT_KEY, value);
        }
        return Tuple2.of(Math.floorMod(KeyHashing.mix((int) i), shape.keys()), value);
    }

    public static Tuple2<Integer, Long> right(long j, Shape shape) {
        if (j % 13 == 6) {
            return Tuple2.of(null, j);
        }
        if (shape.hotRightEvery() > 0 && j % shape.hotRightEvery() == 0) {
            return Tuple2.of(HOT_KEY, j);
        }
        return Tuple2.of(shape.keys() / 2 + Math.floorMod(KeyHashing.mix((int) j * 31 + 7), shape.keys()), j);
    }

    /** The left input, generated in parallel. */
    public static DataSet<Tuple2<Integer, String>> lefts(ExecutionEnvironment env, Shape shape) {
        return env.generateSequence(0, shape.count() - 1).map(new Lefts(shape)).name("Lefts");
    }

    public static DataSet<Tuple2<Integer, Long>> rights(ExecutionEnvironment env, Shape shape) {
        return env.generateSequence(0, shape.count() - 1).map(new Rights(shape)).name("Rights");
    }

    static final class Lefts implements MapFunction<Long, Tuple2<Integer, String>> {
        private final Shape shape;

        Lefts(Shape shape) {
            this.shape = shape;
        }

        @Override
        public Tuple2<Integer, String> map(Long i) {
            return left(i, shape);
        }
    }

    static final class Rights implements MapFunction<Long, Tuple2<Integer, Long>> {
        private final Shape shape;

        Rights(Shape shape) {
            this.shape = shape;
        }

        @Override
        public Tuple2<Integer, Long> map(Long j) {
            return right(j, shape);
        }
    }

    /** What {@link #PRINT} emits for a join of this type over the generated inputs, sorted. */
    public static List<String> expected(JoinType type, Shape shape) {
        List<String> out = new ArrayList<>();
        forEachExpected(type, shape, out::add);
        Collections.sort(out);
        return out;
    }

    /** The number and the {@link #fingerprint} sum of what {@link #PRINT} emits for this join. */
    public static Tuple2<Long, Long> expectedChecksum(JoinType type, Shape shape) {
        long[] checksum = new long[2];
        forEachExpected(type, shape, s -> {
            checksum[0]++;
            checksum[1] += fingerprint(s);
        });
        return Tuple2.of(checksum[0], checksum[1]);
    }

    /** A 64-bit FNV-1a hash of a string; sums of them make an order-independent checksum of many records. */
    public static long fingerprint(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** The number and fingerprint sum of a data set of strings, computed on the cluster. */
    public static Tuple2<Long, Long> checksum(DataSet<String> records) throws Exception {
        List<Tuple2<Long, Long>> sums = records.map(s -> Tuple2.of(1L, fingerprint(s)))
                .returns(new TypeHint<Tuple2<Long, Long>>() { })
                .reduce((a, b) -> Tuple2.of(a.f0 + b.f0, a.f1 + b.f1))
                .collect();
        return sums.isEmpty() ? Tuple2.of(0L, 0L) : sums.get(0);
    }

    private static void forEachExpected(JoinType type, Shape shape, Consumer<String> out) {
        Map<Integer, List<Tuple2<Integer, Long>>> rightsByKey = new HashMap<>();
        for (long j = 0; j < shape.count(); j++) {
            Tuple2<Integer, Long> r = right(j, shape);
            if (r.f0 != null) {
                rightsByKey.computeIfAbsent(r.f0, k -> new ArrayList<>()).add(r);
            }
        }
        Set<Integer> matchedRightKeys = new HashSet<>();
        for (long i = 0; i < shape.count(); i++) {
            Tuple2<Integer, String> l = left(i, shape);
            List<Tuple2<Integer, Long>> matches = l.f0 == null ? List.of() : rightsByKey.getOrDefault(l.f0, List.of());
            for (Tuple2<Integer, Long> r : matches) {
                out.accept(l + "|" + r);
            }
            if (!matches.isEmpty()) {
                matchedRightKeys.add(l.f0);
            } else if (type.keepsUnmatchedLeft()) {
                out.accept(l + "|null");
            }
        }
        if (type.keepsUnmatchedRight()) {
            for (long j = 0; j < shape.count(); j++) {
                Tuple2<Integer, Long> r = right(j, shape);
                if (r.f0 == null || !matchedRightKeys.contains(r.f0)) {
                    out.accept("null|" + r);
                }
            }
        }
    }

    public static List<String> sorted(List<String> records) {
        List<String> copy = new ArrayList<>(records);
        Collections.sort(copy);
        return copy;
    }

    /** The hints that can compute a join of this type. */
    public static List<JoinHint> hintsFor(JoinType type) {
        List<JoinHint> hints = new ArrayList<>();
        for (JoinHint hint : JoinHint.values()) {
            if (!(hint == JoinHint.BROADCAST_HASH_FIRST && type.keepsUnmatchedLeft()
                    || hint == JoinHint.BROADCAST_HASH_SECOND && type.keepsUnmatchedRight())) {
                hints.add(hint);
            }
        }
        return hints;
    }

    /** Starts the join of this type with a hint: {@code join}, {@code leftOuterJoin}, ... */
    public static <L, R> JoinOperatorSetsBase<L, R, ?> start(DataSet<L> left, DataSet<R> right, JoinType type,
                                                            JoinHint hint) {
        return switch (type) {
            case INNER -> left.join(right, hint);
            case LEFT_OUTER -> left.leftOuterJoin(right, hint);
            case RIGHT_OUTER -> left.rightOuterJoin(right, hint);
            case FULL_OUTER -> left.fullOuterJoin(right, hint);
        };
    }

    /** Joins the inputs on field 0 with {@link #PRINT}. */
    @SuppressWarnings("unchecked")
    public static DataSet<String> printJoin(DataSet<Tuple2<Integer, String>> left, DataSet<Tuple2<Integer, Long>> right,
                                            JoinType type, JoinHint hint) {
        Object keyed = start(left, right, type, hint).where(0).equalTo(0);
        return keyed instanceof JoinedDataSet<?, ?> inner
                ? ((JoinedDataSet<Tuple2<Integer, String>, Tuple2<Integer, Long>>) inner).with(PRINT)
                : ((OuterJoin<Tuple2<Integer, String>, Tuple2<Integer, Long>>) keyed).with(PRINT);
    }
}
