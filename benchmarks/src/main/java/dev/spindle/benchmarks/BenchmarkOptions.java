package dev.spindle.benchmarks;

import java.nio.file.Path;

/**
 * The options shared by all workloads, parsed from {@code --name value} pairs. Immutable.
 *
 * @param size        how much generated input to use
 * @param dataDir     where generated inputs and job outputs live
 * @param parallelism parallelism handed to the Spindle job
 * @param runs        how many times each measurement is repeated
 * @param seed        generator seed
 */
public record BenchmarkOptions(ByteSize size, Path dataDir, int parallelism, int runs, long seed) {

    public static final String USAGE = String.join("\n",
            "  --size SIZE        input size: bytes, or with a binary suffix k/m/g (default 1g)",
            "  --data-dir DIR     generated inputs and job outputs (default ./benchmark-data)",
            "  --parallelism N    parallelism of the Spindle job (default 2)",
            "  --runs N           how many times to repeat each measurement (default 1)",
            "  --seed N           seed of the text generator (default " + ZipfTextGenerator.DEFAULT_SEED + ")");

    public static BenchmarkOptions defaults() {
        return new BenchmarkOptions(ByteSize.parse("1g"), Path.of("benchmark-data"), 2, 1,
                ZipfTextGenerator.DEFAULT_SEED);
    }

    /** Parses options; throws {@link IllegalArgumentException} with a message fit for the user. */
    public static BenchmarkOptions parse(String[] args) {
        BenchmarkOptions o = defaults();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + name);
            }
            String value = args[i + 1];
            switch (name) {
                case "--size" -> o = new BenchmarkOptions(ByteSize.parse(value), o.dataDir, o.parallelism, o.runs, o.seed);
                case "--data-dir" -> o = new BenchmarkOptions(o.size, Path.of(value), o.parallelism, o.runs, o.seed);
                case "--parallelism" -> o = new BenchmarkOptions(o.size, o.dataDir, positive(name, value), o.runs, o.seed);
                case "--runs" -> o = new BenchmarkOptions(o.size, o.dataDir, o.parallelism, positive(name, value), o.seed);
                case "--seed" -> o = new BenchmarkOptions(o.size, o.dataDir, o.parallelism, o.runs, number(name, value));
                default -> throw new IllegalArgumentException("Unknown option: " + name);
            }
        }
        return o;
    }

    /** The generated input for these options: {@code <data-dir>/zipf-<size>.txt}, seed in the name if not the default. */
    public Path zipfTextFile() {
        String seedPart = seed == ZipfTextGenerator.DEFAULT_SEED ? "" : "-seed" + seed;
        return dataDir.resolve("zipf-" + size.token() + seedPart + ".txt");
    }

    private static int positive(String name, String value) {
        long n = number(name, value);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a positive integer: " + value);
        }
        return (int) n;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " expects an integer: " + value);
        }
    }
}
