package dev.spindle.examples.graph;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.FlatJoinFunction;
import dev.spindle.api.functions.FlatMapFunction;
import dev.spindle.api.functions.JoinFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.tuple.Tuple1;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.connectors.hdfs.TextOutputFormat;
import dev.spindle.dataset.DataSet;
import dev.spindle.dataset.DeltaIteration;
import dev.spindle.dataset.ExecutionEnvironment;
import dev.spindle.examples.util.ExampleArgs;

/**
 * Connected Components as a delta iteration:
 * {@code ConnectedComponents --vertices PATH --edges PATH --output PATH [--iterations N] [--parallelism P]}.
 * <ul>
 *   <li>Input: vertex ids, one per line, and undirected edges {@code u<TAB>v} (each a file or a
 *       directory). Vertex ids are longs; an edge whose end is not a listed vertex leads nowhere.</li>
 *   <li>The solution set and the first workset are (vertex, component id) with every vertex its own
 *       component. Each superstep sends the component ids of the vertices that changed (the workset)
 *       to their neighbours along the edges (loop-invariant, both directions), keeps the smallest
 *       candidate per vertex, and keeps those that are smaller than the vertex's current id: they
 *       update the solution set and are the next workset.</li>
 *   <li>The iteration ends when no id changed, or after {@code --iterations} supersteps (default: no
 *       limit; a component needs as many supersteps as its diameter, plus one).</li>
 *   <li>Output: {@code vertex<TAB>componentId} lines; the component id is the smallest vertex id in
 *       the component, and an isolated vertex is its own component.</li>
 * </ul>
 */
public final class ConnectedComponents {

    public static final int DEFAULT_ITERATIONS = Integer.MAX_VALUE;

    private static final String USAGE = "ConnectedComponents --vertices PATH --edges PATH --output PATH "
            + "[--iterations N] [--parallelism P]";

    private ConnectedComponents() {
    }

    public static void main(String[] args) throws Exception {
        ExampleArgs params = ExampleArgs.parse(args, USAGE);
        ExecutionEnvironment env = ExecutionEnvironment.getExecutionEnvironment();
        params.optionalInt("parallelism").ifPresent(env::setParallelism);
        String verticesPath = params.required("vertices");
        String edgesPath = params.required("edges");
        String output = params.required("output");
        int iterations = params.optionalInt("iterations").orElse(DEFAULT_ITERATIONS);

        DataSet<Tuple2<Long, Long>> ownComponents = env.readCsvFile(verticesPath)
                .types(Long.class)
                .map(new OwnComponent());
        DataSet<Tuple2<Long, Long>> edges = env.readCsvFile(edgesPath)
                .fieldDelimiter("\t")
                .types(Long.class, Long.class)
                .flatMap(new BothDirections());

        DeltaIteration<Tuple2<Long, Long>, Tuple2<Long, Long>> iteration =
                ownComponents.iterateDelta(ownComponents, iterations, 0);
        DataSet<Tuple2<Long, Long>> changes = iteration.getWorkset()
                .join(edges).where(0).equalTo(0)
                .with(new SendToNeighbour())
                .groupBy(0).min(1)
                .join(iteration.getSolutionSet()).where(0).equalTo(0)
                .with(new KeepIfSmaller());

        iteration.closeWith(changes, changes)
                .writeAsFormattedText(output, TextOutputFormat.WriteMode.OVERWRITE, c -> c.f0 + "\t" + c.f1);
        env.execute("ConnectedComponents");
    }

    /** A vertex to (vertex, vertex): its own component. */
    static final class OwnComponent implements MapFunction<Tuple1<Long>, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> map(Tuple1<Long> vertex) {
            return Tuple2.of(vertex.f0, vertex.f0);
        }
    }

    /** An undirected edge as the two directed edges (u, v) and (v, u). */
    static final class BothDirections implements FlatMapFunction<Tuple2<Long, Long>, Tuple2<Long, Long>> {
        @Override
        public void flatMap(Tuple2<Long, Long> edge, Collector<Tuple2<Long, Long>> out) {
            out.collect(Tuple2.of(edge.f0, edge.f1));
            out.collect(Tuple2.of(edge.f1, edge.f0));
        }
    }

    /** (vertex, component) along the edge (vertex, neighbour) to (neighbour, component): a candidate. */
    static final class SendToNeighbour implements JoinFunction<Tuple2<Long, Long>, Tuple2<Long, Long>,
            Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> join(Tuple2<Long, Long> vertexComponent, Tuple2<Long, Long> edge) {
            return Tuple2.of(edge.f1, vertexComponent.f1);
        }
    }

    /** The smallest candidate of a vertex, if it is smaller than the vertex's current component. */
    static final class KeepIfSmaller implements FlatJoinFunction<Tuple2<Long, Long>, Tuple2<Long, Long>,
            Tuple2<Long, Long>> {
        @Override
        public void join(Tuple2<Long, Long> candidate, Tuple2<Long, Long> current, Collector<Tuple2<Long, Long>> out) {
            if (candidate.f1 < current.f1) {
                out.collect(candidate);
            }
        }
    }
}
