package dev.spindle.runtime.operators.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.MapPartitionFunction;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.testing.OperatorTestHarness;
import dev.spindle.runtime.testing.TestingOperatorContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapPartitionOperatorTest {

    @TempDir
    Path tmp;

    private OperatorTestHarness<String> harness(MapPartitionFunction<String, String> function, int pages) {
        TestingOperatorContext context = new TestingOperatorContext().managedMemory(pages, 1024)
                .tempDirectories(tmp.toFile());
        return new OperatorTestHarness<>(() -> new MapPartitionOperator<>(function,
                Serializers.forClass(String.class)), 1, context);
    }

    private static List<String> records(int n) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add("record-" + i + "-" + "x".repeat(i % 50));
        }
        return records;
    }

    @Test
    void shouldHandAPartitionLargerThanItsMemoryToTheFunctionInOrderTwice() throws Exception {
        List<String> input = records(5_000);
        List<Long> spillFilesWhileReading = new ArrayList<>();
        MapPartitionFunction<String, String> twice = (values, out) -> {
            spillFilesWhileReading.add(spillFiles());
            for (int pass = 0; pass < 2; pass++) {
                for (String v : values) {
                    out.collect(v);
                }
            }
        };
        try (OperatorTestHarness<String> harness = harness(twice, 8)) {
            harness.process(0, input);
            List<String> output = harness.finish();

            List<String> expected = new ArrayList<>(input);
            expected.addAll(input);
            assertEquals(expected, output);
            assertEquals(List.of(1L), spillFilesWhileReading, "what did not fit in 8 KiB went to one spill file");
            assertEquals(8, harness.context().memoryManager().allocatedPages());
        }
        assertEquals(0, spillFiles(), "disposing deletes the spill file");
    }

    @Test
    void shouldKeepASmallPartitionInMemoryAndCleanUpAfterAFailingFunction() throws Exception {
        MapPartitionFunction<String, String> failing = (values, out) -> {
            assertEquals(0, spillFiles());
            values.forEach(out::collect);
            throw new IllegalStateException("deliberate");
        };
        OperatorTestHarness<String> harness = harness(failing, 64);
        harness.process(0, records(100));
        assertThrows(IllegalStateException.class, harness::finish);
        assertEquals(100, harness.output().size());
        harness.close();
        assertEquals(0, harness.context().memoryManager().allocatedPages());
    }

    @Test
    void shouldNameTheSettingWhenItsShareOfMemoryIsTooSmall() {
        OperatorTestHarness<String> harness = harness((values, out) -> { }, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, harness::open);
        assertTrue(e.getMessage().contains("taskmanager.memory.managed.size"), e.getMessage());
    }

    private long spillFiles() throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
