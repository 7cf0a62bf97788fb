package dev.spindle.benchmarks;

import dev.spindle.examples.etl.OrdersTables;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The ETL example's query written by hand in plain single-threaded Java, as the benchmark's
 * baseline and the oracle its output is checked against: revenue (extendedprice x (1 - discount),
 * in units of 1/10000) of the line items shipped after the cutoff, summed per order, joined with the
 * orders placed before the cutoff; then the top orders by revenue and the revenue per priority.
 * Output lines have the example's format.
 */
final class HandWrittenOrderRevenue {

    /** The example's two outputs, line by line in order. */
    record Result(List<String> topOrders, List<String> revenueByPriority) {
    }

    private record Ranked(long orderKey, String orderDate, String priority, long revenue) {
    }

    private static final Comparator<Ranked> RANK = Comparator.comparingLong(Ranked::revenue).reversed()
            .thenComparingLong(Ranked::orderKey);

    private HandWrittenOrderRevenue() {
    }

    static Result run(Path tables, String cutoff, int top) throws IOException {
        Map<Long, long[]> revenue = new HashMap<>();
        for (Path file : BenchmarkFiles.parts(tables.resolve("lineitem"))) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] f = line.split(",", -1);
                    if (f[6].compareTo(cutoff) > 0) {
                        long value = cents(f[4]) * (100 - cents(f[5]));
                        revenue.computeIfAbsent(Long.parseLong(f[0]), k -> new long[1])[0] += value;
                    }
                }
            }
        }
        PriorityQueue<Ranked> best = new PriorityQueue<>(RANK.reversed());
        Map<String, long[]> byPriority = new TreeMap<>();
        for (Path file : BenchmarkFiles.parts(tables.resolve("orders"))) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] f = line.split(",", -1);
                    long[] sum = f[4].compareTo(cutoff) < 0 ? revenue.get(Long.parseLong(f[0])) : null;
                    if (sum == null) {
                        continue;
                    }
                    best.add(new Ranked(Long.parseLong(f[0]), f[4], f[5], sum[0]));
                    if (best.size() > top) {
                        best.poll();
                    }
                    long[] perPriority = byPriority.computeIfAbsent(f[5], k -> new long[2]);
                    perPriority[0]++;
                    perPriority[1] += sum[0];
                }
            }
        }
        List<Ranked> ranked = new ArrayList<>(best);
        ranked.sort(RANK);
        List<String> topLines = ranked.stream().map(r -> r.orderKey() + "," + r.orderDate() + "," + r.priority()
                + "," + OrdersTables.decimal(r.revenue(), 4)).toList();
        List<String> priorityLines = byPriority.entrySet().stream().map(e -> e.getKey() + "," + e.getValue()[0]
                + "," + OrdersTables.decimal(e.getValue()[1], 4)).toList();
        return new Result(topLines, priorityLines);
    }

    /** "123.45" as 12345. */
    private static long cents(String decimal) {
        int dot = decimal.indexOf('.');
        return Long.parseLong(decimal.substring(0, dot)) * 100 + Long.parseLong(decimal.substring(dot + 1));
    }
}
