package dev.spindle.benchmarks;

import java.io.PrintStream;

/** {@code generate}: only writes the Zipf text file (if missing), e.g. to prepare data ahead of a run. */
final class GenerateWorkload implements Workload {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String description() {
        return "only generate <data-dir>/zipf-<size>.txt if it is missing (uses --size, --data-dir, --seed)";
    }

    @Override
    public void run(BenchmarkOptions options, PrintStream out) throws Exception {
        ZipfDataset.ensure(options, out);
    }
}
