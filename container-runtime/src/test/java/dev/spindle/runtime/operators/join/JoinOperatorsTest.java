package dev.spindle.runtime.operators.join;

import static dev.spindle.runtime.operators.join.JoinTestData.PRINT;
import static dev.spindle.runtime.operators.join.JoinTestData.context;
import static dev.spindle.runtime.operators.join.JoinTestData.countFiles;
import static dev.spindle.runtime.operators.join.JoinTestData.expected;
import static dev.spindle.runtime.operators.join.JoinTestData.lefts;
import static dev.spindle.runtime.operators.join.JoinTestData.rights;
import static dev.spindle.runtime.operators.join.JoinTestData.run;
import static dev.spindle.runtime.operators.join.JoinTestData.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.JoinFunction;
import dev.spindle.api.functions.RichFlatJoinFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.operators.join.JoinTestData.Strategy;
import dev.spindle.runtime.testing.OperatorTestHarness;
import dev.spindle.runtime.testing.TestingOperatorContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Behaviour every join operator shares, for each strategy (hash join building left or right,
 * sort-merge join) and each join type, against an independent in-memory hash join: duplicates on
 * both sides, {@code null} keys on both sides, keys found on one side only, empty inputs, inputs many
 * times the memory budget, and cleanup after success and failure.
 */
class JoinOperatorsTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> strategiesAndTypes() {
        List<Arguments> all = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            for (JoinType t : JoinType.values()) {
                all.add(Arguments.of(s, t));
            }
        }
        return all.stream();
    }

    private List<String> join(Strategy strategy, JoinType type, TestingOperatorContext context,
                              List<Tuple2<Integer, String>> lefts, List<Tuple2<Integer, Long>> rights) throws Exception {
        try (OperatorTestHarness<String> harness = new OperatorTestHarness<>(strategy.factory(spec(type, PRINT)), 2,
                context)) {
            return run(harness, lefts, rights);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("strategiesAndTypes")
    void shouldJoinDuplicatesNullKeysAndOneSidedKeysInMemory(Strategy strategy, JoinType type) throws Exception {
        // Left keys 0..299, right keys 150..449: both sides have keys the other lacks; ~7 records per key.
        List<Tuple2<Integer, String>> lefts = lefts(1, 2_000, 0, 300, 0.03);
        List<Tuple2<Integer, Long>> rights = rights(2, 2_000, 150, 300, 0.03);
        TestingOperatorContext context = context(tmp, 256, 32 << 10);

        List<String> out = join(strategy, type, context, lefts, rights);

        assertEquals(expected(type, lefts, rights), out);
        assertEquals(0, countFiles(tmp), "everything fit into memory");
        assertEquals(context.memoryManager().totalPages(), context.memoryManager().availablePages());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("strategiesAndTypes")
    void shouldHandleEmptyInputs(Strategy strategy, JoinType type) throws Exception {
        List<Tuple2<Integer, String>> lefts = lefts(3, 100, 0, 50, 0.1);
        List<Tuple2<Integer, Long>> rights = rights(4, 100, 0, 50, 0.1);
        assertEquals(expected(type, List.of(), rights), join(strategy, type, context(tmp, 64, 4096), List.of(), rights));
        assertEquals(expected(type, lefts, List.of()), join(strategy, type, context(tmp, 64, 4096), lefts, List.of()));
        assertEquals(List.of(), join(strategy, type, context(tmp, 64, 4096), List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("strategiesAndTypes")
    void shouldSpillInputsFarLargerThanItsMemoryAndLeaveNothingBehind(Strategy strategy, JoinType type)
            throws Exception {
        // About 1.7 MB of left and 0.3 MB of right records (records of up to 3 KiB span pages) against
        // 24 pages of 1 KiB.
        List<Tuple2<Integer, String>> lefts = lefts(5, 20_000, 0, 8_000, 0.01);
        List<Tuple2<Integer, Long>> rights = rights(6, 20_000, 4_000, 8_000, 0.01);
        TestingOperatorContext context = context(tmp, 24, 1024);
        List<String> out;
        try (OperatorTestHarness<String> harness = new OperatorTestHarness<>(strategy.factory(spec(type, PRINT)), 2,
                context)) {
            out = run(harness, lefts, rights);
            if (harness.operator() instanceof HashJoinOperator<?, ?, ?> hash) {
                assertTrue(hash.spilledPartitions() > 0, "spilled partitions");
                assertTrue(hash.deepestLevel() >= 1, "partitioned spilled partitions again: " + hash.deepestLevel());
            } else {
                assertTrue(((SortMergeJoinOperator<?, ?, ?>) harness.operator()).spilledRuns() > 2, "sorted runs");
            }
        }
        assertEquals(expected(type, lefts, rights), out);
        assertEquals(0, countFiles(tmp), "no spill file is left behind");
        assertEquals(context.memoryManager().totalPages(), context.memoryManager().availablePages());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("strategiesAndTypes")
    void shouldJoinAKeyHoldingHalfOfTheDataInLittleMemory(Strategy strategy, JoinType type) throws Exception {
        // Key 7 holds 8,000 of 16,000 left records (about half the bytes) and 15 right records: 120,000
        // pairs from one key group far larger than the 24 KiB of memory.
        List<Tuple2<Integer, String>> lefts = JoinTestData.withHotKey(lefts(7, 8_000, 0, 4_000, 0.01), 8_000,
                i -> Tuple2.of(7, "hot" + i + "-" + "y".repeat(70)));
        List<Tuple2<Integer, Long>> rights = JoinTestData.withHotKey(rights(8, 6_000, 2_000, 4_000, 0.01), 15,
                i -> Tuple2.of(7, -1L - i));
        TestingOperatorContext context = context(tmp, 24, 1024);
        List<String> out;
        try (OperatorTestHarness<String> harness = new OperatorTestHarness<>(strategy.factory(spec(type, PRINT)), 2,
                context)) {
            out = run(harness, lefts, rights);
            if (strategy == Strategy.HASH_BUILD_LEFT) {
                HashJoinOperator<?, ?, ?> hash = (HashJoinOperator<?, ?, ?>) harness.operator();
                assertTrue(hash.skewedPartitions() > 0, "the hot key's partition, which repartitioning cannot "
                        + "shrink, was joined block by block");
            }
        }
        assertEquals(expected(type, lefts, rights), out);
        assertEquals(0, countFiles(tmp));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void shouldJoinAKeyGroupLargerThanMemoryOnBothSides(Strategy strategy) throws Exception {
        // 2,000 x 200 pairs of key 1, next to ordinary keys; the right group must be read once per left block.
        List<Tuple2<Integer, String>> lefts = JoinTestData.withHotKey(lefts(9, 2_000, 0, 1_000, 0), 2_000,
                i -> Tuple2.of(1, "hot" + i));
        List<Tuple2<Integer, Long>> rights = JoinTestData.withHotKey(rights(10, 2_000, 0, 1_000, 0), 200,
                i -> Tuple2.of(1, -1L - i));
        TestingOperatorContext context = context(tmp, 24, 1024);
        List<String> out;
        try (OperatorTestHarness<String> harness = new OperatorTestHarness<>(
                strategy.factory(spec(JoinType.FULL_OUTER, PRINT)), 2, context)) {
            out = run(harness, lefts, rights);
            if (harness.operator() instanceof SortMergeJoinOperator<?, ?, ?> sortMerge) {
                assertTrue(sortMerge.spilledGroups() > 0, "the right group was spilled for re-reading");
            }
        }
        assertEquals(expected(JoinType.FULL_OUTER, lefts, rights), out);
        assertEquals(0, countFiles(tmp));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void shouldGiveEveryPairItsOwnRecords(Strategy strategy) throws Exception {
        // A function that changes its inputs must not see the changes of other pairs.
        JoinFunction<Tuple2<Integer, String>, Tuple2<Integer, Long>, String> mutating = (l, r) -> {
            String seen = l.f1 + ":" + r.f1;
            l.f1 = "changed";
            r.f1 = -99L;
            return seen;
        };
        List<Tuple2<Integer, String>> lefts = new ArrayList<>();
        List<Tuple2<Integer, Long>> rights = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lefts.add(Tuple2.of(1, "l" + i));
            rights.add(Tuple2.of(1, (long) i));
        }
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                expected.add("l" + i + ":" + j);
            }
        }
        List<String> out;
        try (OperatorTestHarness<String> harness = new OperatorTestHarness<>(
                strategy.factory(spec(JoinType.INNER, mutating)), 2, context(tmp, 64, 4096))) {
            out = run(harness, lefts, rights);
        }
        assertEquals(expected, out);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void shouldEmitTuplesWithoutAFunctionAndOpenRichFunctionsWithTheirContext(Strategy strategy) throws Exception {
        List<Tuple2<Integer, String>> lefts = List.of(Tuple2.of(1, "a"), Tuple2.of(2, "b"));
        List<Tuple2<Integer, Long>> rights = List.of(Tuple2.of(1, 10L), Tuple2.of(3, 30L));
        try (OperatorTestHarness<Object> harness = new OperatorTestHarness<>(
                strategy.factory(spec(JoinType.INNER, null)), 2, context(tmp, 64, 4096))) {
            assertEquals(List.of("((1,a),(1,10))"), run(harness, lefts, rights));
        }

        TaggingJoin tagging = new TaggingJoin();
        TestingOperatorContext context = context(tmp, 64, 4096).subtask(2, 3).broadcastSet("tag", List.of("T"));
        try (OperatorTestHarness<String> harness = new OperatorTestHarness<>(
                strategy.factory(spec(JoinType.FULL_OUTER, tagging)), 2, context)) {
            assertEquals(List.of("T2:(1,a)|(1,10)", "T2:(2,b)|null", "T2:null|(3,30)"), run(harness, lefts, rights));
        }
        assertEquals(List.of("open", "close"), TaggingJoin.lifecycle);
    }

    /** Tags pairs with a broadcast value and the subtask index; records its lifecycle. */
    static final class TaggingJoin extends RichFlatJoinFunction<Tuple2<Integer, String>, Tuple2<Integer, Long>, String> {
        static final List<String> lifecycle = Collections.synchronizedList(new ArrayList<>());
        private String tag;

        @Override
        public void open() {
            lifecycle.clear();
            lifecycle.add("open");
            tag = getRuntimeContext().<String>getBroadcastVariable("tag").get(0)
                    + getRuntimeContext().getIndexOfThisSubtask();
        }

        @Override
        public void join(Tuple2<Integer, String> first, Tuple2<Integer, Long> second, Collector<String> out) {
            out.collect(tag + ":" + first + "|" + second);
        }

        @Override
        public void close() {
            lifecycle.add("close");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void shouldDeleteSpillFilesAndReleaseMemoryWhenTheFunctionFails(Strategy strategy) throws Exception {
        List<Tuple2<Integer, String>> lefts = lefts(11, 20_000, 0, 5_000, 0);
        List<Tuple2<Integer, Long>> rights = rights(12, 20_000, 0, 5_000, 0);
        int[] calls = {0};
        JoinFunction<Tuple2<Integer, String>, Tuple2<Integer, Long>, String> failing = (l, r) -> {
            if (++calls[0] == 30_000) {
                throw new IllegalStateException("simulated failure of the join function");
            }
            return "";
        };
        TestingOperatorContext context = context(tmp, 24, 1024);
        OperatorTestHarness<String> harness = new OperatorTestHarness<>(
                strategy.factory(spec(JoinType.LEFT_OUTER, failing)), 2, context);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(harness, lefts, rights));
        assertEquals("simulated failure of the join function", e.getMessage());
        assertTrue(countFiles(tmp) > 0, "the join had spilled when it failed");
        harness.close();
        assertEquals(0, countFiles(tmp), "dispose deletes the spill files");
        assertEquals(context.memoryManager().totalPages(), context.memoryManager().availablePages(),
                "dispose releases the memory");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("strategiesAndTypes")
    void shouldWorkWithTheLeastMemoryItAccepts(Strategy strategy, JoinType type) throws Exception {
        int pages = strategy == Strategy.SORT_MERGE ? SortMergeJoinOperator.MIN_PAGES : HybridHashJoin.MIN_OPERATOR_PAGES;
        List<Tuple2<Integer, String>> lefts = JoinTestData.withHotKey(lefts(13, 3_000, 0, 1_000, 0.02), 500,
                i -> Tuple2.of(3, "hot" + i));
        List<Tuple2<Integer, Long>> rights = rights(14, 3_000, 500, 1_000, 0.02);
        TestingOperatorContext context = context(tmp, pages, 4096);
        assertEquals(expected(type, lefts, rights), join(strategy, type, context, lefts, rights));
        assertEquals(0, countFiles(tmp));
        assertEquals(context.memoryManager().totalPages(), context.memoryManager().availablePages());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void shouldFailClearlyWithTooLittleMemory(Strategy strategy) {
        OperatorTestHarness<String> harness = new OperatorTestHarness<>(
                strategy.factory(spec(JoinType.INNER, PRINT)), 2, context(tmp, 4, 1024));
        IllegalStateException e = assertThrows(IllegalStateException.class, harness::open);
        assertTrue(e.getMessage().contains("needs at least") && e.getMessage().contains("taskmanager.memory.managed.size"),
                e.getMessage());
        harness.close();
    }
}
