package dev.spindle.benchmarks;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The options shared by all workloads, parsed from {@code --name value} pairs. Immutable.
 *
 * @param size        how much generated input to use (text and table workloads)
 * @param dataDir     where generated inputs and job outputs live
 * @param parallelism parallelism handed to the Spindle job
 * @param runs        how many times each measurement is repeated
 * @param seed        generator seed
 * @param graph       vertex and edge counts asked for on the command line (graph workloads); each
 *                    graph workload has its own defaults, see {@link GraphOptions#orElse}
 */
public record BenchmarkOptions(ByteSize size, Path dataDir, int parallelism, int runs, long seed,
                               GraphOptions graph) {

    public static final String USAGE = String.join("\n",
            "  --size SIZE        input size: bytes, or with a binary suffix k/m/g (default 1g)",
            "  --vertices N       vertices of a generated graph (default: pagerank and cc 1000000)",
            "  --edges N          edges of a generated graph (default: pagerank 10000000, cc 5000000)",
            "  --data-dir DIR     generated inputs and job outputs (default ./benchmark-data)",
            "  --parallelism N    parallelism of the Spindle job (default 2)",
            "  --runs N           how many times to repeat each measurement (default 1)",
            "  --seed N           seed of the data generators (default " + ZipfTextGenerator.DEFAULT_SEED + ")");

    /**
     * Graph dimensions given on the command line, empty where the workload's default applies.
     *
     * @param vertices {@code --vertices}, at most {@link Integer#MAX_VALUE}
     * @param edges    {@code --edges}
     */
    public record GraphOptions(OptionalLong vertices, OptionalLong edges) {

        /** The given counts, each replaced by the workload's default where it was not given. */
        public GraphSize orElse(GraphSize defaults) {
            return new GraphSize((int) vertices.orElse(defaults.vertices()), edges.orElse(defaults.edges()));
        }
    }

    public static BenchmarkOptions defaults() {
        return new Builder().build();
    }

    /** Parses options; throws {@link IllegalArgumentException} with a message fit for the user. */
    public static BenchmarkOptions parse(String[] args) {
        Builder b = new Builder();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + name);
            }
            String value = args[i + 1];
            switch (name) {
                case "--size" -> b.size = ByteSize.parse(value);
                case "--vertices" -> b.vertices = OptionalLong.of(positive(name, value));
                case "--edges" -> b.edges = OptionalLong.of(positiveLong(name, value));
                case "--data-dir" -> b.dataDir = Path.of(value);
                case "--parallelism" -> b.parallelism = positive(name, value);
                case "--runs" -> b.runs = positive(name, value);
                case "--seed" -> b.seed = number(name, value);
                default -> throw new IllegalArgumentException("Unknown option: " + name);
            }
        }
        return b.build();
    }

    /** Seed {@code s} as a name suffix {@code -seed<s>}, empty for the default seed. */
    String seedSuffix() {
        return seed == ZipfTextGenerator.DEFAULT_SEED ? "" : "-seed" + seed;
    }

    /** The generated input for these options: {@code <data-dir>/zipf-<size>.txt}, seed in the name if not the default. */
    public Path zipfTextFile() {
        return dataDir.resolve("zipf-" + size.token() + seedSuffix() + ".txt");
    }

    private static int positive(String name, String value) {
        long n = positiveLong(name, value);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be at most " + Integer.MAX_VALUE + ": " + value);
        }
        return (int) n;
    }

    private static long positiveLong(String name, String value) {
        long n = number(name, value);
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be a positive integer: " + value);
        }
        return n;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " expects an integer: " + value);
        }
    }

    /** The defaults, overwritten option by option while parsing. */
    private static final class Builder {
        ByteSize size = ByteSize.parse("1g");
        Path dataDir = Path.of("benchmark-data");
        int parallelism = 2;
        int runs = 1;
        long seed = ZipfTextGenerator.DEFAULT_SEED;
        OptionalLong vertices = OptionalLong.empty();
        OptionalLong edges = OptionalLong.empty();

        BenchmarkOptions build() {
            return new BenchmarkOptions(size, dataDir, parallelism, runs, seed, new GraphOptions(vertices, edges));
        }
    }
}
