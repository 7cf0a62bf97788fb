package dev.spindle.examples.graph;

import dev.spindle.api.aggregators.ConvergenceCriterion;
import dev.spindle.api.aggregators.DoubleSumAggregator;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.FlatJoinFunction;
import dev.spindle.api.functions.GroupReduceFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.api.functions.RichFunction;
import dev.spindle.api.functions.RichJoinFunction;
import dev.spindle.api.functions.RichMapFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.connectors.hdfs.TextOutputFormat;
import dev.spindle.dataset.DataSet;
import dev.spindle.dataset.ExecutionEnvironment;
import dev.spindle.dataset.IterativeDataSet;
import dev.spindle.examples.util.ExampleArgs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * PageRank as a bulk iteration:
 * {@code PageRank --edges PATH --output PATH [--iterations N] [--epsilon E] [--parallelism P]}.
 * <ul>
 *   <li>Input: {@code src<TAB>dst} lines (a file or a directory). The vertices are the sources, and
 *       every vertex must have an out-edge. A duplicate edge counts twice.</li>
 *   <li>With damping d = {@value #DAMPING} and N vertices, every rank starts at 1/N and each iteration
 *       computes rank'(v) = (1-d)/N + d * sum over edges u->v of rank(u)/outdegree(u): the ranks are
 *       joined with the adjacency lists (loop-invariant), each vertex sends rank/outdegree to its
 *       targets and 0 to itself (so that a vertex without in-edges keeps a rank), and the shares are
 *       summed per vertex.</li>
 *   <li>{@code --iterations} iterations (default 10); with {@code --epsilon E} the iteration stops
 *       earlier, after the first superstep in which the ranks changed by less than E in total (the sum
 *       over vertices of |rank' - rank|, collected in the aggregator {@value #RANK_CHANGE}).</li>
 *   <li>Output: {@code vertex<TAB>rank} lines, the rank with exactly 9 decimals, rounded half-even
 *       from the double's exact value ({@link #formatRank}).</li>
 * </ul>
 * N is counted in the same job and handed to the functions that need it as the broadcast set
 * {@value #VERTEX_COUNT}.
 */
public final class PageRank {

    public static final double DAMPING = 0.85;
    public static final int DEFAULT_ITERATIONS = 10;
    /** The aggregator that sums |rank' - rank| over the vertices in each superstep (with --epsilon). */
    public static final String RANK_CHANGE = "rankChange";
    static final String VERTEX_COUNT = "vertexCount";

    private static final String USAGE =
            "PageRank --edges PATH --output PATH [--iterations N] [--epsilon E] [--parallelism P]";

    private PageRank() {
    }

    public static void main(String[] args) throws Exception {
        ExampleArgs params = ExampleArgs.parse(args, USAGE);
        ExecutionEnvironment env = ExecutionEnvironment.getExecutionEnvironment();
        params.optionalInt("parallelism").ifPresent(env::setParallelism);
        String edgesPath = params.required("edges");
        String output = params.required("output");
        int iterations = params.optionalInt("iterations").orElse(DEFAULT_ITERATIONS);
        Optional<Double> epsilon = params.optionalDouble("epsilon");

        DataSet<Tuple2<Long, Long>> edges = env.readCsvFile(edgesPath)
                .fieldDelimiter("\t")
                .types(Long.class, Long.class);
        DataSet<Tuple2<Long, long[]>> adjacency = edges.groupBy(0).reduceGroup(new CollectTargets());
        DataSet<Long> vertexCount = adjacency.map(new CountOne()).reduce(new Sum());

        IterativeDataSet<Tuple2<Long, Double>> ranks = adjacency
                .map(new InitialRank()).withBroadcastSet(vertexCount, VERTEX_COUNT)
                .iterate(iterations);
        DataSet<Tuple2<Long, Double>> newRanks = ranks
                .join(adjacency).where(0).equalTo(0)
                .with(new SendShares())
                .groupBy(0).sum(1)
                .map(new Dampen()).withBroadcastSet(vertexCount, VERTEX_COUNT);
        if (epsilon.isPresent()) {
            ranks.registerAggregationConvergenceCriterion(RANK_CHANGE, new DoubleSumAggregator(),
                    new RankChangeBelow(epsilon.get()));
            newRanks = newRanks.join(ranks).where(0).equalTo(0).with(new AggregateRankChange());
        }

        ranks.closeWith(newRanks)
                .writeAsFormattedText(output, TextOutputFormat.WriteMode.OVERWRITE,
                        r -> r.f0 + "\t" + formatRank(r.f1));
        env.execute("PageRank");
    }

    /**
     * Exactly 9 decimals, rounded half-even from the double's exact value. Usually without
     * {@code BigDecimal}, which expands the double's exact value (a microsecond a rank): for
     * {@code 0 <= rank < 1000}, {@code rank * 1e9} is within 1.2e-4 of the exact product, so unless its
     * fraction lies within 1e-3 of one half, rounding it to the nearest integer rounds the exact
     * product the same way. Ties and near-ties, and other values, go through {@code BigDecimal}.
     */
    public static String formatRank(double rank) {
        if (rank >= 0 && rank < 1000) {
            double scaled = rank * 1e9;
            double whole = Math.floor(scaled);
            double fraction = scaled - whole;
            if (Math.abs(fraction - 0.5) > 1e-3) {
                long billionths = (long) whole + (fraction > 0.5 ? 1 : 0);
                String decimals = Long.toString(billionths % 1_000_000_000L);
                return billionths / 1_000_000_000L + "." + "0".repeat(9 - decimals.length()) + decimals;
            }
        }
        return new BigDecimal(rank).setScale(9, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** An edge list's (source, target) pairs of one source to (source, all targets). */
    static final class CollectTargets implements GroupReduceFunction<Tuple2<Long, Long>, Tuple2<Long, long[]>> {
        @Override
        public void reduce(Iterable<Tuple2<Long, Long>> edges, Collector<Tuple2<Long, long[]>> out) {
            long source = 0;
            long[] targets = new long[8];
            int count = 0;
            for (Tuple2<Long, Long> edge : edges) {
                source = edge.f0;
                if (count == targets.length) {
                    targets = Arrays.copyOf(targets, count * 2);
                }
                targets[count++] = edge.f1;
            }
            out.collect(Tuple2.of(source, Arrays.copyOf(targets, count)));
        }
    }

    /** 1 per vertex, to be summed into N. */
    static final class CountOne implements MapFunction<Tuple2<Long, long[]>, Long> {
        @Override
        public Long map(Tuple2<Long, long[]> vertex) {
            return 1L;
        }
    }

    static final class Sum implements ReduceFunction<Long> {
        @Override
        public Long reduce(Long a, Long b) {
            return a + b;
        }
    }

    /** (vertex, targets) to (vertex, 1/N). */
    static final class InitialRank extends RichMapFunction<Tuple2<Long, long[]>, Tuple2<Long, Double>> {
        private double rank;

        @Override
        public void open() {
            rank = 1.0 / broadcastVertexCount(this);
        }

        @Override
        public Tuple2<Long, Double> map(Tuple2<Long, long[]> vertex) {
            return Tuple2.of(vertex.f0, rank);
        }
    }

    /** A vertex's rank shared out among its targets: (target, rank/outdegree) each, and (vertex, 0.0). */
    static final class SendShares implements FlatJoinFunction<Tuple2<Long, Double>, Tuple2<Long, long[]>,
            Tuple2<Long, Double>> {
        @Override
        public void join(Tuple2<Long, Double> rank, Tuple2<Long, long[]> adjacency, Collector<Tuple2<Long, Double>> out) {
            long[] targets = adjacency.f1;
            double share = rank.f1 / targets.length;
            for (long target : targets) {
                out.collect(Tuple2.of(target, share));
            }
            out.collect(Tuple2.of(rank.f0, 0.0));
        }
    }

    /** (vertex, sum of shares) to (vertex, (1-d)/N + d * sum). */
    static final class Dampen extends RichMapFunction<Tuple2<Long, Double>, Tuple2<Long, Double>> {
        private long vertexCount;

        @Override
        public void open() {
            vertexCount = broadcastVertexCount(this);
        }

        @Override
        public Tuple2<Long, Double> map(Tuple2<Long, Double> sum) {
            return Tuple2.of(sum.f0, (1 - DAMPING) / vertexCount + DAMPING * sum.f1);
        }
    }

    /** Passes the new rank on and adds |new - old| to this superstep's {@value #RANK_CHANGE} aggregator. */
    static final class AggregateRankChange extends RichJoinFunction<Tuple2<Long, Double>, Tuple2<Long, Double>,
            Tuple2<Long, Double>> {
        @Override
        public Tuple2<Long, Double> join(Tuple2<Long, Double> newRank, Tuple2<Long, Double> oldRank) {
            // The task's aggregator, reset at every superstep; looking it up in open() would do as well.
            DoubleSumAggregator change = getRuntimeContext().getIterationAggregator(RANK_CHANGE);
            change.aggregate(Math.abs(newRank.f1 - oldRank.f1));
            return newRank;
        }
    }

    /** Converged once the ranks changed by less than epsilon in total in one superstep. */
    static final class RankChangeBelow implements ConvergenceCriterion<Double> {
        private final double epsilon;

        RankChangeBelow(double epsilon) {
            this.epsilon = epsilon;
        }

        @Override
        public boolean isConverged(int superstep, Double rankChange) {
            return rankChange == null || rankChange < epsilon;
        }
    }

    /** N, from the broadcast set {@value #VERTEX_COUNT} (empty for a graph without vertices). */
    private static long broadcastVertexCount(RichFunction function) {
        List<Long> count = function.getRuntimeContext().getBroadcastVariable(VERTEX_COUNT);
        return count.isEmpty() ? 0 : count.get(0);
    }
}
