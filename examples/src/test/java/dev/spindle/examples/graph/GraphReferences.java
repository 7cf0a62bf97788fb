package dev.spindle.examples.graph;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Plain-Java references for the graph examples' tests, written for clarity with maps rather than for
 * speed: what {@link PageRank} and {@link ConnectedComponents} must compute, superstep by superstep,
 * including where the iteration stops. Also reads a job's output directory and compares ranks.
 * Stateless.
 */
public final class GraphReferences {

    public static final double DAMPING = 0.85;

    /**
     * PageRank's ranks by vertex, and the number of supersteps it ran: the iteration count, or the
     * first superstep whose total rank change was below epsilon.
     */
    public record PageRankResult(Map<Long, Double> ranks, int supersteps) {
        /** {@code vertex<TAB>rank} lines by vertex id, the rank formatted as the example writes it. */
        public List<String> lines() {
            return ranks.entrySet().stream().map(e -> e.getKey() + "\t" + formatRank(e.getValue())).toList();
        }
    }

    /** The component id of each vertex, and the number of supersteps the delta iteration ran. */
    public record ComponentsResult(Map<Long, Long> components, int supersteps) {
        /** {@code vertex<TAB>componentId} lines by vertex id. */
        public List<String> lines() {
            return components.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).toList();
        }
    }

    private GraphReferences() {
    }

    /** PageRank over the graph's edges, exactly {@code iterations} iterations. */
    public static PageRankResult pageRank(TestGraphs.Graph graph, int iterations) {
        return pageRank(graph.sources(), graph.targets(), iterations, Double.NaN);
    }

    /**
     * PageRank over the edges {@code sources[i] -> targets[i]}, as the example computes it: the
     * vertices are the sources (every target must be one), d = {@value #DAMPING}, N vertices, rank0 =
     * 1/N, rank'(v) = (1-d)/N + d * sum over u->v of rank(u)/outdeg(u); a duplicate edge counts twice.
     * Stops after {@code maxIterations} supersteps, or (unless {@code epsilon} is NaN) after the first
     * superstep in which the sum over vertices of |rank' - rank| is below {@code epsilon}; the result
     * is the ranks computed in the last superstep.
     */
    public static PageRankResult pageRank(long[] sources, long[] targets, int maxIterations, double epsilon) {
        Map<Long, Integer> outDegree = new LinkedHashMap<>();
        for (long source : sources) {
            outDegree.merge(source, 1, Integer::sum);
        }
        for (long target : targets) {
            if (!outDegree.containsKey(target)) {
                throw new IllegalArgumentException("Vertex " + target + " has no out-edges");
            }
        }
        long n = outDegree.size();
        Map<Long, Double> ranks = new TreeMap<>();
        outDegree.keySet().forEach(v -> ranks.put(v, 1.0 / n));
        int superstep = 0;
        while (superstep < maxIterations) {
            superstep++;
            Map<Long, Double> sums = new HashMap<>();
            outDegree.keySet().forEach(v -> sums.put(v, 0.0));
            for (int i = 0; i < sources.length; i++) {
                sums.merge(targets[i], ranks.get(sources[i]) / outDegree.get(sources[i]), Double::sum);
            }
            double change = 0;
            for (Map.Entry<Long, Double> rank : ranks.entrySet()) {
                double next = (1 - DAMPING) / n + DAMPING * sums.get(rank.getKey());
                change += Math.abs(next - rank.getValue());
                rank.setValue(next);
            }
            if (change < epsilon) {
                break;
            }
        }
        return new PageRankResult(ranks, superstep);
    }

    /** Connected components of the graph until no id changes. */
    public static ComponentsResult connectedComponents(TestGraphs.Graph graph) {
        return connectedComponents(graph.vertices(), graph.sources(), graph.targets(), Integer.MAX_VALUE);
    }

    /**
     * Connected components as the example's delta iteration finds them: every vertex starts as its own
     * component; in each superstep the vertices whose id changed in the superstep before (all in the
     * first) offer their id to their neighbours, and a vertex takes the smallest offer below its own.
     * Stops after the first superstep without a change, or after {@code maxIterations} supersteps
     * (then a vertex has the smallest id within {@code maxIterations} hops). Edges are undirected; one
     * whose end is not a listed vertex is ignored.
     */
    public static ComponentsResult connectedComponents(long[] vertices, long[] sources, long[] targets,
                                                       int maxIterations) {
        Map<Long, Long> components = new TreeMap<>();
        for (long v : vertices) {
            components.put(v, v);
        }
        Map<Long, List<Long>> neighbours = new HashMap<>();
        for (int i = 0; i < sources.length; i++) {
            if (components.containsKey(sources[i]) && components.containsKey(targets[i])) {
                neighbours.computeIfAbsent(sources[i], k -> new ArrayList<>()).add(targets[i]);
                neighbours.computeIfAbsent(targets[i], k -> new ArrayList<>()).add(sources[i]);
            }
        }
        Set<Long> changed = new LinkedHashSet<>(components.keySet());
        int superstep = 0;
        while (superstep < maxIterations) {
            superstep++;
            Map<Long, Long> offers = new HashMap<>();
            for (long v : changed) {
                for (long neighbour : neighbours.getOrDefault(v, List.of())) {
                    offers.merge(neighbour, components.get(v), Math::min);
                }
            }
            changed = new LinkedHashSet<>();
            for (Map.Entry<Long, Long> offer : offers.entrySet()) {
                if (offer.getValue() < components.get(offer.getKey())) {
                    components.put(offer.getKey(), offer.getValue());
                    changed.add(offer.getKey());
                }
            }
            if (changed.isEmpty()) {
                break;
            }
        }
        return new ComponentsResult(components, superstep);
    }

    /** A rank as the example writes it: exactly 9 decimals, rounded half-even from the double's exact value. */
    public static String formatRank(double rank) {
        return new BigDecimal(rank).setScale(9, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * How a job's {@code vertex<TAB>rank} lines differ from the expected ranks, one description per
     * problem (empty if none): a missing, extra or repeated vertex, or a rank more than
     * {@code tolerance} from the expected double. Ranks are compared as numbers because the job sums
     * each vertex's shares in another order than the reference, which can move the last bits and, next
     * to a rounding boundary, the 9th decimal.
     */
    public static List<String> rankMismatches(Map<Long, Double> expected, List<String> lines, double tolerance) {
        List<String> problems = new ArrayList<>();
        Map<Long, Double> remaining = new HashMap<>(expected);
        for (String line : lines) {
            String[] fields = line.split("\t");
            long vertex = Long.parseLong(fields[0]);
            Double rank = remaining.remove(vertex);
            if (rank == null) {
                problems.add((expected.containsKey(vertex) ? "repeated" : "unexpected") + " vertex: " + line);
            } else if (!(Math.abs(Double.parseDouble(fields[1]) - rank) <= tolerance)) {
                problems.add("vertex " + vertex + ": rank " + fields[1] + ", expected " + formatRank(rank));
            }
        }
        remaining.keySet().stream().sorted().forEach(v -> problems.add("missing vertex " + v));
        return problems;
    }

    /** The lines of a job's output: a file, or the {@code part-*} files of a directory, in name order. */
    public static List<String> outputLines(Path output) throws IOException {
        if (!Files.isDirectory(output)) {
            return Files.readAllLines(output);
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(output)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines;
    }
}
