package dev.spindle.runtime.operators.sort;

import static dev.spindle.runtime.operators.OperatorTestRecords.countFiles;
import static dev.spindle.runtime.operators.OperatorTestRecords.serializer;
import static dev.spindle.runtime.operators.OperatorTestRecords.skewed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spindle.api.tuple.Tuple3;
import dev.spindle.runtime.sort.Order;
import dev.spindle.runtime.sort.SortOptions;
import dev.spindle.runtime.testing.OperatorTestHarness;
import dev.spindle.runtime.testing.TestingOperatorContext;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortPartitionOperatorTest {

    private static final List<SortField<Tuple3<Integer, Long, String>>> KEY_ASC_PAYLOAD_DESC = List.of(
            new SortField<>(t -> t.f0, Order.ASCENDING), new SortField<>(t -> t.f2, Order.DESCENDING),
            new SortField<>(t -> t.f1, Order.ASCENDING));
    private static final Comparator<Tuple3<Integer, Long, String>> EXPECTED_ORDER =
            Comparator.<Tuple3<Integer, Long, String>>comparingInt(t -> t.f0)
                    .thenComparing(t -> t.f2, Comparator.reverseOrder())
                    .thenComparingLong(t -> t.f1);

    @TempDir
    Path tmp;

    @Test
    void shouldSortInMemoryByAscendingAndDescendingKeys() throws Exception {
        List<Tuple3<Integer, Long, String>> input = skewed(10_000, 100, 0, 1);
        TestingOperatorContext context = context(64, 32 << 10);

        List<Tuple3<Integer, Long, String>> output = sort(context, input, KEY_ASC_PAYLOAD_DESC);

        assertEquals(input.stream().sorted(EXPECTED_ORDER).toList(), output);
        assertReleased(context);
    }

    @Test
    void shouldSortThroughSpilledRunsAndMultiPassMergesWithATinyBudget() throws Exception {
        List<Tuple3<Integer, Long, String>> input = skewed(30_000, 1000, 0, 2);
        TestingOperatorContext context = context(4, 1024);
        context.jobConfiguration().set(SortOptions.MAX_FAN_IN, 3);

        List<Tuple3<Integer, Long, String>> output = sort(context, input, KEY_ASC_PAYLOAD_DESC);

        assertEquals(input.stream().sorted(EXPECTED_ORDER).toList(), output);
        assertReleased(context);
    }

    @Test
    void shouldSortDescendingByOneKey() throws Exception {
        List<Tuple3<Integer, Long, String>> input = skewed(3_000, 10, 0, 3);
        TestingOperatorContext context = context(4, 1024);

        List<Tuple3<Integer, Long, String>> output = sort(context, input,
                List.of(new SortField<>(t -> t.f1, Order.DESCENDING)));

        assertEquals(input.stream().sorted(Comparator.comparingLong(
                (Tuple3<Integer, Long, String> t) -> t.f1).reversed()).toList(), output);
    }

    @Test
    void shouldEmitNothingForAnEmptyPartition() throws Exception {
        TestingOperatorContext context = context(4, 1024);

        assertEquals(List.of(), sort(context, List.of(), KEY_ASC_PAYLOAD_DESC));
        assertReleased(context);
    }

    private TestingOperatorContext context(int pages, int pageSize) {
        return new TestingOperatorContext().managedMemory(pages, pageSize).tempDirectories(tmp.toFile());
    }

    private static List<Tuple3<Integer, Long, String>> sort(TestingOperatorContext context,
            List<Tuple3<Integer, Long, String>> input, List<SortField<Tuple3<Integer, Long, String>>> fields)
            throws Exception {
        try (OperatorTestHarness<Tuple3<Integer, Long, String>> harness = new OperatorTestHarness<>(
                () -> new SortPartitionOperator<>(serializer(), fields), 1, context)) {
            return harness.process(0, input).finish();
        }
    }

    private void assertReleased(TestingOperatorContext context) {
        assertEquals(0, context.memoryManager().allocatedPages(), "all managed memory is given back");
        assertEquals(0, countFiles(tmp.toFile()), "no spill file is left");
    }
}
