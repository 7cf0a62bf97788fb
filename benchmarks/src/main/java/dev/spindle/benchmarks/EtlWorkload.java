package dev.spindle.benchmarks;

import dev.spindle.examples.etl.GenerateOrders;
import dev.spindle.examples.etl.OrderRevenue;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code etl}: the ETL example's query (filter, join, group by, aggregate, sort, top-N over generated
 * orders and line items) run by Spindle at the chosen parallelism beside the single-threaded
 * hand-written {@link HandWrittenOrderRevenue}; both outputs must be equal. The tables are generated
 * once per size (by the example's generator job) under {@code <data-dir>/orders-<size>}.
 */
final class EtlWorkload implements Workload {

    /** Bytes of CSV the generator writes per order, roughly. */
    private static final long BYTES_PER_ORDER = 212;
    private static final String CUTOFF = OrderRevenue.DEFAULT_CUTOFF;
    private static final int TOP = 100;

    @Override
    public String name() {
        return "etl";
    }

    @Override
    public String description() {
        return "orders/lineitem join + group-by + sort + top-N: Spindle vs hand-written single-threaded Java";
    }

    @Override
    public void run(BenchmarkOptions options, PrintStream out) throws Exception {
        Path tables = ensureTables(options, out);
        long bytes = tableBytes(tables);
        List<double[]> times = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            Timing.settle();
            long started = System.nanoTime();
            HandWrittenOrderRevenue.Result expected = HandWrittenOrderRevenue.run(tables, CUTOFF, TOP);
            double handWritten = Timing.secondsSince(started);
            out.printf(Locale.ROOT, "run %d: hand-written(1 thread) %.2f s%n", run, handWritten);

            Path output = options.dataDir().resolve("etl-out-" + tables.getFileName()).resolve("run-" + run);
            Timing.settle();
            started = System.nanoTime();
            OrderRevenue.main(new String[] {"--tables", tables.toString(), "--output", output.toString(),
                "--top", String.valueOf(TOP), "--parallelism", String.valueOf(options.parallelism())});
            double spindle = Timing.secondsSince(started);
            out.printf(Locale.ROOT, "run %d: spindle(p=%d) %.2f s -> %s%n", run, options.parallelism(), spindle, output);
            verify("top orders", expected.topOrders(), readLines(output.resolve(OrderRevenue.TOP_ORDERS)));
            verify("revenue by priority", expected.revenueByPriority(),
                    readLines(output.resolve(OrderRevenue.REVENUE_BY_PRIORITY)));
            out.printf("verified: %d top orders, %d priorities%n", expected.topOrders().size(),
                    expected.revenueByPriority().size());
            times.add(new double[] {handWritten, spindle});
        }
        out.println();
        for (int i = 0; i < times.size(); i++) {
            out.println(row("run " + (i + 1), bytes, times.get(i)[0], times.get(i)[1], options));
        }
        if (times.size() > 1) {
            out.println(row("best", bytes, times.stream().mapToDouble(t -> t[0]).min().orElseThrow(),
                    times.stream().mapToDouble(t -> t[1]).min().orElseThrow(), options));
        }
    }

    private static String row(String label, long bytes, double handWritten, double spindle, BenchmarkOptions options) {
        return String.format(Locale.ROOT, "etl  %-6s  tables=%s  hand-written(1 thread)=%.2f s  spindle(p=%d)=%.2f s"
                + "  ratio=%.2fx", label, ByteSize.format(bytes), handWritten, options.parallelism(), spindle,
                spindle / handWritten);
    }

    private static Path ensureTables(BenchmarkOptions options, PrintStream out) throws Exception {
        Path tables = options.dataDir().resolve("orders-" + options.size().token() + options.seedSuffix());
        Path complete = tables.resolve("_COMPLETE");
        if (Files.exists(complete)) {
            out.printf("using existing %s (%s)%n", tables, ByteSize.format(tableBytes(tables)));
            return tables;
        }
        long orders = Math.max(1_000, options.size().bytes() / BYTES_PER_ORDER);
        out.printf(Locale.ROOT, "generating %s (%,d orders) ...%n", tables, orders);
        long started = System.nanoTime();
        GenerateOrders.main(new String[] {"--output", tables.toString(), "--orders", String.valueOf(orders),
            "--seed", String.valueOf(options.seed()), "--parallelism", String.valueOf(options.parallelism())});
        Files.createFile(complete);
        out.printf(Locale.ROOT, "generated %s in %.2f s%n", ByteSize.format(tableBytes(tables)),
                Timing.secondsSince(started));
        return tables;
    }

    private static long tableBytes(Path tables) throws IOException {
        long bytes = 0;
        for (String table : List.of("orders", "lineitem")) {
            for (Path part : BenchmarkFiles.parts(tables.resolve(table))) {
                bytes += Files.size(part);
            }
        }
        return bytes;
    }

    private static List<String> readLines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path part : BenchmarkFiles.parts(dir)) {
            lines.addAll(Files.readAllLines(part));
        }
        return lines;
    }

    private static void verify(String what, List<String> expected, List<String> actual) {
        if (!expected.equals(actual)) {
            int i = 0;
            while (i < Math.min(expected.size(), actual.size()) && expected.get(i).equals(actual.get(i))) {
                i++;
            }
            throw new IllegalStateException(what + " differ from the hand-written result at line " + (i + 1)
                    + ": expected " + (i < expected.size() ? expected.get(i) : "<end>") + " but Spindle wrote "
                    + (i < actual.size() ? actual.get(i) : "<end>") + " (" + expected.size() + " vs " + actual.size()
                    + " lines)");
        }
    }
}
