package dev.spindle.runtime.operators.cogroup;

import static dev.spindle.runtime.operators.OperatorTestRecords.countFiles;
import static dev.spindle.runtime.operators.OperatorTestRecords.serializer;
import static dev.spindle.runtime.operators.OperatorTestRecords.skewed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.CoGroupFunction;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.runtime.testing.OperatorTestHarness;
import dev.spindle.runtime.testing.TestingOperatorContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoGroupOperatorTest {

    private static final int CHUNK = 333;

    @TempDir
    Path tmp;

    @Test
    void shouldMeetBothSidesKeyByKeyWithEmptySidesForOneSidedKeys() throws Exception {
        // Left keys 0..99, right keys 50..149 (shifted): keys below 50 are left-only, above 99 right-only.
        List<Tuple3<Integer, Long, String>> left = skewed(5_000, 100, 0, 1);
        List<Tuple3<Integer, Long, String>> right = shift(skewed(4_000, 100, 1_000_000, 2), 50);
        AtomicInteger filesSeen = new AtomicInteger();
        TestingOperatorContext context = context(128, 32 << 10);

        List<Tuple3<Integer, Long, Long>> output = run(context, left, right, countBothSides(filesSeen));

        assertEquals(expected(left, right), asMap(output));
        assertEquals(0, filesSeen.get(), "nothing was spilled");
        assertReleased(context);
    }

    @Test
    void shouldStreamKeyGroupsLargerThanMemoryFromSpilledRuns() throws Exception {
        List<Tuple3<Integer, Long, String>> left = skewed(20_000, 300, 0, 3);
        List<Tuple3<Integer, Long, String>> right = shift(skewed(15_000, 300, 1_000_000, 4), 100);
        AtomicInteger filesSeen = new AtomicInteger();
        TestingOperatorContext context = context(6, 1024);

        List<Tuple3<Integer, Long, Long>> output = run(context, left, right, countBothSides(filesSeen));

        Map<Integer, List<Long>> expected = expected(left, right);
        assertEquals(expected, asMap(output));
        assertTrue(expected.get(0).get(0) > 9_000, "key 0 holds about half of the left side (" + expected.get(0) + ")");
        assertTrue(filesSeen.get() > 0, "the groups were read from spill files");
        assertReleased(context);
    }

    @Test
    void shouldHandleEmptyInputs() throws Exception {
        List<Tuple3<Integer, Long, String>> some = skewed(100, 10, 0, 5);
        AtomicInteger filesSeen = new AtomicInteger();

        assertEquals(Map.of(), asMap(run(context(6, 1024), List.of(), List.of(), countBothSides(filesSeen))));
        assertEquals(expected(some, List.of()), asMap(run(context(6, 1024), some, List.of(), countBothSides(filesSeen))));
        assertEquals(expected(List.of(), some), asMap(run(context(6, 1024), List.of(), some, countBothSides(filesSeen))));
    }

    @Test
    void shouldLetTheFunctionReadTheSecondSideBeforeTheFirst() throws Exception {
        List<Tuple3<Integer, Long, String>> left = skewed(3_000, 20, 0, 6);
        List<Tuple3<Integer, Long, String>> right = skewed(3_000, 20, 1_000_000, 7);
        CoGroupFunction<Tuple3<Integer, Long, String>, Tuple3<Integer, Long, String>, Tuple3<Integer, Long, Long>>
                secondFirst = (first, second, out) -> {
                    Integer key = null;
                    long r = 0;
                    for (Tuple3<Integer, Long, String> t : second) {
                        key = t.f0;
                        r++;
                    }
                    long l = 0;
                    for (Tuple3<Integer, Long, String> t : first) {
                        key = t.f0;
                        l++;
                    }
                    out.collect(Tuple3.of(key, l, r));
                };
        TestingOperatorContext context = context(8, 1024);

        assertEquals(expected(left, right), asMap(run(context, left, right, secondFirst)));
        assertReleased(context);
    }

    @Test
    void shouldDeleteSpillFilesAndReleaseMemoryWhenTheFunctionFails() throws Exception {
        TestingOperatorContext context = context(6, 1024);
        CoGroupFunction<Tuple3<Integer, Long, String>, Tuple3<Integer, Long, String>, Integer> failing =
                (first, second, out) -> {
                    throw new IllegalStateException("bad key");
                };

        assertThrows(IllegalStateException.class,
                () -> run(context, skewed(5_000, 10, 0, 8), skewed(5_000, 10, 0, 9), failing));

        assertReleased(context);
    }

    // ---- helpers ----

    private TestingOperatorContext context(int pages, int pageSize) {
        return new TestingOperatorContext().managedMemory(pages, pageSize).tempDirectories(tmp.toFile());
    }

    /** Feeds both sides in alternating chunks (no input selection), then ends them. */
    private static <O> List<O> run(TestingOperatorContext context, List<Tuple3<Integer, Long, String>> left,
                                   List<Tuple3<Integer, Long, String>> right,
                                   CoGroupFunction<Tuple3<Integer, Long, String>, Tuple3<Integer, Long, String>, O>
                                           function) throws Exception {
        try (OperatorTestHarness<O> harness = new OperatorTestHarness<>(() -> new CoGroupOperator<>(function,
                t -> t.f0, t -> t.f0, serializer(), serializer()), 2, context)) {
            for (int i = 0; i < Math.max(left.size(), right.size()); i += CHUNK) {
                harness.process(0, left.subList(Math.min(i, left.size()), Math.min(i + CHUNK, left.size())));
                harness.process(1, right.subList(Math.min(i, right.size()), Math.min(i + CHUNK, right.size())));
            }
            return harness.finish();
        }
    }

    /** (key, left records, right records) per key; records the spill files present while it runs. */
    private CoGroupFunction<Tuple3<Integer, Long, String>, Tuple3<Integer, Long, String>, Tuple3<Integer, Long, Long>>
            countBothSides(AtomicInteger filesSeen) {
        return (first, second, out) -> {
            filesSeen.accumulateAndGet(countFiles(tmp.toFile()), Math::max);
            Integer key = null;
            long l = 0;
            for (Tuple3<Integer, Long, String> t : first) {
                key = t.f0;
                l++;
            }
            long r = 0;
            for (Tuple3<Integer, Long, String> t : second) {
                assertTrue(key == null || key.equals(t.f0), "one key per call");
                key = t.f0;
                r++;
            }
            out.collect(Tuple3.of(key, l, r));
        };
    }

    private static List<Tuple3<Integer, Long, String>> shift(List<Tuple3<Integer, Long, String>> records, int by) {
        List<Tuple3<Integer, Long, String>> shifted = new ArrayList<>();
        records.forEach(t -> shifted.add(Tuple3.of(t.f0 + by, t.f1, t.f2)));
        return shifted;
    }

    private static Map<Integer, List<Long>> expected(List<Tuple3<Integer, Long, String>> left,
                                                     List<Tuple3<Integer, Long, String>> right) {
        Map<Integer, List<Long>> counts = new HashMap<>();
        left.forEach(t -> counts.computeIfAbsent(t.f0, k -> new ArrayList<>(List.of(0L, 0L))).set(0,
                counts.get(t.f0).get(0) + 1));
        right.forEach(t -> counts.computeIfAbsent(t.f0, k -> new ArrayList<>(List.of(0L, 0L))).set(1,
                counts.get(t.f0).get(1) + 1));
        return counts;
    }

    private static Map<Integer, List<Long>> asMap(List<Tuple3<Integer, Long, Long>> output) {
        Map<Integer, List<Long>> actual = new HashMap<>();
        for (Tuple3<Integer, Long, Long> t : output) {
            assertEquals(null, actual.put(t.f0, List.of(t.f1, t.f2)), "key " + t.f0 + " came twice");
        }
        return actual;
    }

    private void assertReleased(TestingOperatorContext context) {
        assertEquals(0, context.memoryManager().allocatedPages(), "all managed memory is given back");
        assertEquals(0, countFiles(tmp.toFile()), "no spill file is left");
    }
}
