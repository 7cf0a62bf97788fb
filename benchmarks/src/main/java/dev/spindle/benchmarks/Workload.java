package dev.spindle.benchmarks;

import java.io.PrintStream;

/** One benchmark subcommand of {@link Benchmarks}. Implementations are stateless. */
public interface Workload {

    /** The subcommand name, e.g. {@code wordcount}. */
    String name();

    /** One line for {@code --help}. */
    String description();

    /** Runs the workload, printing progress and results to {@code out}; throws if a result is wrong. */
    void run(BenchmarkOptions options, PrintStream out) throws Exception;
}
