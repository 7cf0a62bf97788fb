package dev.spindle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.examples.etl.OrderRevenue;
import dev.spindle.examples.etl.OrdersTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ETL example end to end through bin/run's Java side: its generator job writes the tables, the
 * query runs at parallelism 4 on two TaskManager processes, and both outputs match a computation
 * with Java streams over the same files.
 */
class OrderRevenueITCase {

    @TempDir
    Path dir;

    @Test
    void shouldRankOrdersAndSumPriorityRevenueLikeJavaStreams() throws Exception {
        Path tables = dir.resolve("tables");
        CliRunner.Outcome generated = CliRunner.run("-p", "2", "-c", "dev.spindle.examples.etl.GenerateOrders",
                CliRunner.examplesJar(), "--output", tables.toString(), "--orders", "20000");
        assertEquals(0, generated.exitCode(), generated.stderr());

        Path output = dir.resolve("out");
        CliRunner.Outcome outcome = CliRunner.run("-p", "4", "-D", "local.taskmanagers=2",
                "-D", "local.taskmanager.processes=true", "-D", "local.taskmanager.jvm-options=-Xmx256m",
                "-c", "dev.spindle.examples.etl.OrderRevenue", CliRunner.examplesJar(),
                "--tables", tables.toString(), "--output", output.toString(), "--top", "25");
        assertEquals(0, outcome.exitCode(), outcome.stderr());

        Map<Long, Long> revenue = lines(tables.resolve("lineitem")).stream()
                .map(l -> l.split(","))
                .filter(f -> f[6].compareTo(OrderRevenue.DEFAULT_CUTOFF) > 0)
                .collect(Collectors.groupingBy(f -> Long.parseLong(f[0]),
                        Collectors.summingLong(f -> Math.round(Double.parseDouble(f[4]) * 100)
                                * (100 - Math.round(Double.parseDouble(f[5]) * 100)))));
        List<String[]> joined = lines(tables.resolve("orders")).stream()
                .map(l -> l.split(","))
                .filter(f -> f[4].compareTo(OrderRevenue.DEFAULT_CUTOFF) < 0 && revenue.containsKey(Long.parseLong(f[0])))
                .toList();
        assertTrue(joined.size() > 500, "the data exercises the join: " + joined.size());

        List<String> expectedTop = joined.stream()
                .sorted(Comparator.<String[]>comparingLong(f -> -revenue.get(Long.parseLong(f[0])))
                        .thenComparingLong(f -> Long.parseLong(f[0])))
                .limit(25)
                .map(f -> f[0] + "," + f[4] + "," + f[5] + "," + OrdersTables.decimal(revenue.get(Long.parseLong(f[0])), 4))
                .toList();
        assertEquals(expectedTop, lines(output.resolve(OrderRevenue.TOP_ORDERS)));

        Map<String, List<String[]>> byPriority = new TreeMap<>(joined.stream().collect(Collectors.groupingBy(f -> f[5])));
        List<String> expectedPriorities = new ArrayList<>();
        byPriority.forEach((priority, orders) -> expectedPriorities.add(priority + "," + orders.size() + ","
                + OrdersTables.decimal(orders.stream().mapToLong(f -> revenue.get(Long.parseLong(f[0]))).sum(), 4)));
        assertEquals(expectedPriorities, lines(output.resolve(OrderRevenue.REVENUE_BY_PRIORITY)));
    }

    /** The lines of a directory's part files, in part order. */
    private static List<String> lines(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(directory)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines;
    }
}
