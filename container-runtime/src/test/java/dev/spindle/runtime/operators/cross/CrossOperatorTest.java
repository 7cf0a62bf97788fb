package dev.spindle.runtime.operators.cross;

import static dev.spindle.runtime.operators.OperatorTestRecords.countFiles;
import static dev.spindle.runtime.operators.OperatorTestRecords.serializer;
import static dev.spindle.runtime.operators.OperatorTestRecords.skewed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.CrossFunction;
import dev.spindle.api.functions.RichCrossFunction;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.runtime.testing.OperatorTestHarness;
import dev.spindle.runtime.testing.TestingOperatorContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossOperatorTest {

    @TempDir
    Path tmp;

    @Test
    void shouldPairEveryStreamedRecordWithTheBufferedRightSideInMemory() throws Exception {
        List<Tuple3<Integer, Long, String>> left = skewed(300, 10, 0, 1);
        List<Tuple3<Integer, Long, String>> right = skewed(40, 10, 1_000_000, 2);
        AtomicInteger filesSeen = new AtomicInteger();
        TestingOperatorContext context = context(16, 32 << 10);

        List<String> output = run(context, 1, left, right, pairIds(filesSeen));

        assertEquals(allPairs(left, right), sorted(output));
        assertEquals(0, filesSeen.get(), "nothing was spilled");
        assertReleased(context);
    }

    @Test
    void shouldPairInLeftRightOrderWhenTheLeftSideIsBuffered() throws Exception {
        List<Tuple3<Integer, Long, String>> left = skewed(25, 10, 0, 3);
        List<Tuple3<Integer, Long, String>> right = skewed(500, 10, 1_000_000, 4);
        TestingOperatorContext context = context(16, 32 << 10);

        List<String> output = run(context, 0, left, right, pairIds(new AtomicInteger()));

        assertEquals(allPairs(left, right), sorted(output));
        assertReleased(context);
    }

    @Test
    void shouldPairBlocksOfTheStreamedSideWithASpilledBufferedSide() throws Exception {
        for (int buffered = 0; buffered <= 1; buffered++) {
            List<Tuple3<Integer, Long, String>> left = skewed(buffered == 0 ? 700 : 350, 10, 0, 5);
            List<Tuple3<Integer, Long, String>> right = skewed(buffered == 0 ? 350 : 700, 10, 1_000_000, 6);
            AtomicInteger filesSeen = new AtomicInteger();
            TestingOperatorContext context = context(4, 1024);

            List<String> output = run(context, buffered, left, right, pairIds(filesSeen));

            assertEquals(allPairs(left, right), sorted(output), "buffered input " + buffered);
            assertTrue(filesSeen.get() > 0, "the buffered side spilled");
            assertReleased(context);
        }
    }

    @Test
    void shouldEmitNothingWhenEitherSideIsEmpty() throws Exception {
        List<Tuple3<Integer, Long, String>> some = skewed(100, 10, 0, 7);
        AtomicInteger filesSeen = new AtomicInteger();

        assertEquals(List.of(), run(context(4, 1024), 1, some, List.of(), pairIds(filesSeen)));
        assertEquals(List.of(), run(context(4, 1024), 1, List.of(), some, pairIds(filesSeen)));
        assertEquals(List.of(), run(context(4, 1024), 0, List.of(), List.of(), pairIds(filesSeen)));
    }

    @Test
    void shouldReadTheBufferedSideFirst() throws Exception {
        try (OperatorTestHarness<String> harness = new OperatorTestHarness<>(
                () -> new CrossOperator<>(pairIds(new AtomicInteger()), 1, serializer(), serializer()), 2,
                context(4, 1024))) {
            assertEquals(1, harness.open().operator().nextInput());

            assertThrows(IllegalStateException.class, () -> harness.process(0, skewed(1, 2, 0, 8)));

            harness.process(1, skewed(3, 2, 0, 9)).endInput(1);
            assertEquals(-1, harness.operator().nextInput());
        }
    }

    @Test
    void shouldOpenRichFunctionsWithTheRuntimeContext() throws Exception {
        RichCrossFunction<Tuple3<Integer, Long, String>, Tuple3<Integer, Long, String>, String> rich =
                new RichCrossFunction<>() {
                    @Override
                    public String cross(Tuple3<Integer, Long, String> first, Tuple3<Integer, Long, String> second) {
                        return getRuntimeContext().getIndexOfThisSubtask() + ":" + first.f1 + "-" + second.f1;
                    }
                };
        TestingOperatorContext context = context(4, 1024).subtask(2, 3);

        List<String> output = run(context, 1, skewed(1, 2, 0, 10), skewed(1, 2, 5, 11), rich);

        assertEquals(List.of("2:0-5"), output);
    }

    // ---- helpers ----

    private TestingOperatorContext context(int pages, int pageSize) {
        return new TestingOperatorContext().managedMemory(pages, pageSize).tempDirectories(tmp.toFile());
    }

    /** Reads the buffered side completely, then the streamed side, as the operator selects. */
    private static <O> List<O> run(TestingOperatorContext context, int bufferedInput,
                                   List<Tuple3<Integer, Long, String>> left, List<Tuple3<Integer, Long, String>> right,
                                   CrossFunction<Tuple3<Integer, Long, String>, Tuple3<Integer, Long, String>, O>
                                           function) throws Exception {
        try (OperatorTestHarness<O> harness = new OperatorTestHarness<>(
                () -> new CrossOperator<>(function, bufferedInput, serializer(), serializer()), 2, context)) {
            int streamedInput = 1 - bufferedInput;
            harness.process(bufferedInput, bufferedInput == 0 ? left : right).endInput(bufferedInput);
            harness.process(streamedInput, streamedInput == 0 ? left : right);
            return harness.finish();
        }
    }

    /** "leftId-rightId"; records the spill files present while it runs (looking at every 100th call). */
    private CrossFunction<Tuple3<Integer, Long, String>, Tuple3<Integer, Long, String>, String> pairIds(
            AtomicInteger filesSeen) {
        AtomicInteger calls = new AtomicInteger();
        return (first, second) -> {
            if (calls.getAndIncrement() % 100 == 0) {
                filesSeen.accumulateAndGet(countFiles(tmp.toFile()), Math::max);
            }
            return first.f1 + "-" + second.f1;
        };
    }

    private static List<String> allPairs(List<Tuple3<Integer, Long, String>> left,
                                         List<Tuple3<Integer, Long, String>> right) {
        List<String> pairs = new ArrayList<>();
        for (Tuple3<Integer, Long, String> l : left) {
            for (Tuple3<Integer, Long, String> r : right) {
                pairs.add(l.f1 + "-" + r.f1);
            }
        }
        return sorted(pairs);
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private void assertReleased(TestingOperatorContext context) {
        assertEquals(0, context.memoryManager().allocatedPages(), "all managed memory is given back");
        assertEquals(0, countFiles(tmp.toFile()), "no spill file is left");
    }
}
