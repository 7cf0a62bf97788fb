package dev.spindle.benchmarks;

/** Wall-clock helpers for the workloads. */
final class Timing {

    private Timing() {}

    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Asks for a full GC so garbage from the previous measurement is not billed to the next one. */
    static void settle() {
        System.gc();
    }
}
