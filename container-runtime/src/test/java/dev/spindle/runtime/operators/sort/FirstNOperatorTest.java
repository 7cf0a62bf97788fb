package dev.spindle.runtime.operators.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spindle.runtime.testing.OperatorTestHarness;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FirstNOperatorTest {

    @Test
    void shouldPassOnTheFirstNRecordsAndDropTheRest() throws Exception {
        try (OperatorTestHarness<Integer> harness = new OperatorTestHarness<>(() -> new FirstNOperator<>(3), 1)) {
            List<Integer> output = harness.process(0, IntStream.range(10, 20).boxed().toList()).finish();

            assertEquals(List.of(10, 11, 12), output);
        }
    }

    @Test
    void shouldPassOnAllRecordsOfASmallerPartition() throws Exception {
        try (OperatorTestHarness<Integer> harness = new OperatorTestHarness<>(() -> new FirstNOperator<>(5), 1)) {
            assertEquals(List.of(1, 2), harness.process(0, 1, 2).finish());
        }
    }

    @Test
    void shouldRejectANonPositiveCount() {
        assertThrows(IllegalArgumentException.class, () -> new FirstNOperator<>(0));
    }
}
