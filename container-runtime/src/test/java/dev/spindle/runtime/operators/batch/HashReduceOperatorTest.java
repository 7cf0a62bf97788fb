package dev.spindle.runtime.operators.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.accumulators.IntCounter;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.RichReduceFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.serialization.BasicSerializers;
import dev.spindle.runtime.serialization.TupleSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.testing.OperatorTestHarness;
import dev.spindle.runtime.testing.TestingOperatorContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashReduceOperatorTest {

    private static final KeySelector<Tuple2<Long, Long>, Long> KEY = t -> t.f0;

    @TempDir
    Path tmp;

    @Test
    void shouldReduceManyMoreKeysThanFitIntoItsShareAndOpenTheRichFunction() throws Exception {
        TestingOperatorContext context = context(12);
        CountingSum sum = new CountingSum();
        HashReduceOperator<Tuple2<Long, Long>, Long> operator = new HashReduceOperator<>(sum, KEY, serializer(), 0);
        Map<Long, Long> result = new HashMap<>();
        try (OperatorTestHarness<Tuple2<Long, Long>> harness = new OperatorTestHarness<>(() -> operator, 1, context)) {
            harness.process(0, records(120_000, 40_000));
            assertTrue(operator.spills() > 2, "spilled " + operator.spills() + " times");
            for (Tuple2<Long, Long> t : harness.finish()) {
                assertEquals(null, result.put(t.f0, t.f1), "key " + t.f0 + " emitted twice");
            }
        }
        assertEquals(40_000, result.size());
        for (long k = 0; k < 40_000; k++) {
            assertEquals(3 * k, result.get(k), "key " + k);
        }
        assertEquals(1, context.accumulators().size(), "the rich function was opened");
        assertEquals(0, TupleAggregateOperatorTest.countFiles(tmp.toFile()));
        assertEquals(12, context.memoryManager().availablePages());
    }

    @Test
    void shouldDeleteItsSpillFilesWhenDisposedAfterAFailure() throws Exception {
        TestingOperatorContext context = context(6);
        HashReduceOperator<Tuple2<Long, Long>, Long> operator = new HashReduceOperator<>((a, b) -> {
            if (a.f0 == 39_999L) {
                throw new IllegalStateException("simulated");
            }
            return Tuple2.of(a.f0, a.f1 + b.f1);
        }, KEY, serializer(), 0);
        OperatorTestHarness<Tuple2<Long, Long>> harness = new OperatorTestHarness<>(() -> operator, 1, context);
        // Key 39,999 recurs after spills, so the function first meets it while merging the spilled partials.
        assertThrows(IllegalStateException.class, () -> harness.process(0, records(120_000, 40_000)).finish());
        assertTrue(TupleAggregateOperatorTest.countFiles(tmp.toFile()) > 0);

        harness.close();

        assertEquals(0, TupleAggregateOperatorTest.countFiles(tmp.toFile()));
        assertEquals(6, context.memoryManager().availablePages());
    }

    /** Each key 0..keys-1 three times, with value key: round robin, so every key recurs late. */
    private static List<Tuple2<Long, Long>> records(int n, int keys) {
        List<Tuple2<Long, Long>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long k = i % keys;
            records.add(Tuple2.of(k, k));
        }
        return records;
    }

    private TestingOperatorContext context(int pages) {
        return new TestingOperatorContext().managedMemory(pages, 32 << 10).tempDirectories(tmp.toFile());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeSerializer<Tuple2<Long, Long>> serializer() {
        return new TupleSerializer(Tuple2.class, new TypeSerializer<?>[] {
            BasicSerializers.LongSerializer.INSTANCE, BasicSerializers.LongSerializer.INSTANCE});
    }

    /** Sums values and registers an accumulator when opened. */
    private static final class CountingSum extends RichReduceFunction<Tuple2<Long, Long>> {
        @Override
        public void open() {
            getRuntimeContext().addAccumulator("opened", new IntCounter(1));
        }

        @Override
        public Tuple2<Long, Long> reduce(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0, a.f1 + b.f1);
        }
    }
}
