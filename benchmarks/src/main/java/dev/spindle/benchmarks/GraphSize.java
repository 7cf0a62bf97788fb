package dev.spindle.benchmarks;

/**
 * How big a generated graph is. Immutable.
 *
 * @param vertices number of vertices, ids {@code 0..vertices-1}
 * @param edges    number of edges
 */
public record GraphSize(int vertices, long edges) {

    public GraphSize {
        if (vertices < 1 || edges < 0) {
            throw new IllegalArgumentException("a graph needs at least one vertex and no negative edge count: "
                    + vertices + " vertices, " + edges + " edges");
        }
    }

    /** A short name part such as {@code 1m-10m} (vertices, edges); exact, with k/m/g only where divisible. */
    public String token() {
        return count(vertices) + "-" + count(edges);
    }

    private static String count(long n) {
        String[] suffixes = {"", "k", "m", "g"};
        int i = 0;
        while (i + 1 < suffixes.length && n != 0 && n % 1000 == 0) {
            n /= 1000;
            i++;
        }
        return n + suffixes[i];
    }
}
