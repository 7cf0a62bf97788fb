package dev.spindle.dataset;

import dev.spindle.api.aggregation.Aggregations;
import dev.spindle.api.aggregation.FieldAggregation;
import dev.spindle.api.functions.FilterFunction;
import dev.spindle.api.functions.FlatMapFunction;
import dev.spindle.api.functions.GroupReduceFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.MapPartitionFunction;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.connectors.hdfs.TextOutputFormat;
import dev.spindle.connectors.hdfs.csv.CsvDialect;
import dev.spindle.connectors.hdfs.csv.CsvRecordFormatter;
import dev.spindle.dataset.internal.SelectByFields;
import dev.spindle.dataset.internal.TupleFieldKeySelector;
import dev.spindle.dataset.internal.TupleFields;
import dev.spindle.runtime.io.GlobalOutputHooks;
import dev.spindle.runtime.io.OutputFormat;
import dev.spindle.runtime.operators.OperatorFactory;
import dev.spindle.runtime.operators.base.FilterOperator;
import dev.spindle.runtime.operators.base.FlatMapOperator;
import dev.spindle.runtime.operators.base.IdentityOperator;
import dev.spindle.runtime.operators.base.MapOperator;
import dev.spindle.runtime.operators.base.OutputFormatSinkOperator;
import dev.spindle.runtime.operators.batch.AllReduceOperator;
import dev.spindle.runtime.operators.batch.CollectSinkOperator;
import dev.spindle.runtime.operators.batch.CountSinkOperator;
import dev.spindle.runtime.operators.batch.HashReduceOperator;
import dev.spindle.runtime.operators.batch.MapPartitionOperator;
import dev.spindle.runtime.operators.join.JoinType;
import dev.spindle.runtime.operators.sort.SortField;
import dev.spindle.runtime.plan.ExchangeMode;
import dev.spindle.runtime.plan.PlanEdge;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.serialization.DataInputDeserializer;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.partitioner.BroadcastPartitioner;
import dev.spindle.runtime.shuffle.partitioner.CustomPartitioner;
import dev.spindle.runtime.shuffle.partitioner.ForwardPartitioner;
import dev.spindle.runtime.shuffle.partitioner.HashPartitioner;
import dev.spindle.runtime.shuffle.partitioner.Partitioner;
import dev.spindle.runtime.shuffle.partitioner.RebalancePartitioner;
import dev.spindle.runtime.sort.Order;
import dev.spindle.runtime.types.TypeExtractor;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded collection of records of type {@code T}, defined by the transformations that produce
 * it. Transformations are lazy: they add steps to the program, which runs at
 * {@link ExecutionEnvironment#execute} or at an eager action ({@link #collect}, {@link #count},
 * {@link #print}).
 */
public class DataSet<T> {

    final ExecutionEnvironment env;
    final PlanNode node;

    DataSet(ExecutionEnvironment env, PlanNode node) {
        this.env = env;
        this.node = node;
    }

    @SuppressWarnings("unchecked")
    TypeSerializer<T> serializer() {
        return (TypeSerializer<T>) node.outputSerializer();
    }

    // ---- record-at-a-time ----

    public <R> DataSet<R> map(MapFunction<T, R> mapper) {
        Type type = TypeExtractor.typeArgument(mapper, MapFunction.class, 1, true);
        return forward("Map", () -> new MapOperator<>(mapper), Serializers.forType(type));
    }

    public <R> DataSet<R> flatMap(FlatMapFunction<T, R> mapper) {
        Type type = TypeExtractor.typeArgument(mapper, FlatMapFunction.class, 1, false);
        return forward("FlatMap", () -> new FlatMapOperator<>(mapper), Serializers.forType(type));
    }

    public DataSet<T> filter(FilterFunction<T> filter) {
        return forward("Filter", () -> new FilterOperator<>(filter), serializer());
    }

    /**
     * Calls the function once per parallel partition with all of its records, which are buffered in
     * managed memory (spilling to disk) until the partition's input ended.
     */
    public <R> DataSet<R> mapPartition(MapPartitionFunction<T, R> mapper) {
        Type type = TypeExtractor.typeArgument(mapper, MapPartitionFunction.class, 1, false);
        TypeSerializer<T> in = serializer();
        DataSet<R> result = forward("MapPartition", () -> new MapPartitionOperator<>(mapper, in),
                Serializers.forType(type));
        result.node.setManagedMemoryWeight(1);
        return result;
    }

    // ---- grouping and aggregation ----

    public <K> UnsortedGrouping<T> groupBy(KeySelector<T, K> keySelector) {
        return new UnsortedGrouping<>(this, keySelector);
    }

    /** Groups tuples by some of their fields (0-based positions). */
    public UnsortedGrouping<T> groupBy(int... fields) {
        return new UnsortedGrouping<>(this, new TupleFieldKeySelector<>(fields));
    }

    /** Reduces all records to one: first within each partition, then once more on one subtask. */
    public DataSet<T> reduce(ReduceFunction<T> reducer) {
        DataSet<T> partial = forward("Reduce (partial)", () -> new AllReduceOperator<>(reducer), serializer());
        return partial.connect("Reduce", () -> new AllReduceOperator<>(reducer), serializer(),
                new RebalancePartitioner<>(), 1);
    }

    /** The distinct records (by equals/hashCode). */
    public DataSet<T> distinct() {
        return groupBy(new IdentityKey<T>()).reduce(new KeepFirst<T>()).name("Distinct");
    }

    /** One record per distinct key (the first seen). */
    public <K> DataSet<T> distinct(KeySelector<T, K> keySelector) {
        return groupBy(keySelector).reduce(new KeepFirst<T>()).name("Distinct");
    }

    // ---- repartitioning and union ----

    public DataSet<T> union(DataSet<T> other) {
        if (other.env != env) {
            throw new IllegalArgumentException("Cannot union data sets of different environments");
        }
        PlanNode union = PlanNode.operator(env.nextId(), "Union", (OperatorFactory<T>) IdentityOperator::new)
                .setOutputSerializer(serializer());
        union.addInput(new PlanEdge(node, new ForwardPartitioner<>(), null, 0));
        union.addInput(new PlanEdge(other.node, new ForwardPartitioner<>(), null, 0));
        if (node.parallelism() == other.node.parallelism()) {
            union.setParallelism(node.parallelism());
        }
        return new DataSet<>(env, union);
    }

    /** Spreads records evenly over the next operator's subtasks (round robin). */
    public DataSet<T> rebalance() {
        return connect("Rebalance", IdentityOperator::new, serializer(), new RebalancePartitioner<>(),
                PlanNode.DEFAULT_PARALLELISM);
    }

    public <K> DataSet<T> partitionByHash(KeySelector<T, K> keySelector) {
        return connect("PartitionByHash", IdentityOperator::new, serializer(), new HashPartitioner<>(keySelector),
                PlanNode.DEFAULT_PARALLELISM);
    }

    public DataSet<T> partitionByHash(int... fields) {
        return partitionByHash(new TupleFieldKeySelector<T>(fields));
    }

    // ---- joins ----

    /**
     * Joins with {@code other} on equal keys, named next: {@code join(other).where(...).equalTo(...)}
     * is a data set of the matching pairs ({@code Tuple2(this record, other record)}), or, with
     * {@code .with(function)}, of what the function makes of them. The strategy follows
     * {@link JoinHint#OPTIMIZER_CHOOSES}.
     */
    public <R> JoinOperatorSets<T, R> join(DataSet<R> other) {
        return join(other, JoinHint.OPTIMIZER_CHOOSES);
    }

    public <R> JoinOperatorSets<T, R> join(DataSet<R> other, JoinHint hint) {
        return new JoinOperatorSets<>(this, other, hint);
    }

    /** A join with a small data set, which is broadcast ({@link JoinHint#BROADCAST_HASH_SECOND}). */
    public <R> JoinOperatorSets<T, R> joinWithTiny(DataSet<R> other) {
        return join(other, JoinHint.BROADCAST_HASH_SECOND);
    }

    /** A join with a large data set; this one is broadcast ({@link JoinHint#BROADCAST_HASH_FIRST}). */
    public <R> JoinOperatorSets<T, R> joinWithHuge(DataSet<R> other) {
        return join(other, JoinHint.BROADCAST_HASH_FIRST);
    }

    /** A join that also keeps records of this data set without a match (paired with {@code null}). */
    public <R> OuterJoinOperatorSets<T, R> leftOuterJoin(DataSet<R> other) {
        return leftOuterJoin(other, JoinHint.OPTIMIZER_CHOOSES);
    }

    public <R> OuterJoinOperatorSets<T, R> leftOuterJoin(DataSet<R> other, JoinHint hint) {
        return new OuterJoinOperatorSets<>(this, other, JoinType.LEFT_OUTER, hint);
    }

    /** A join that also keeps records of {@code other} without a match (paired with {@code null}). */
    public <R> OuterJoinOperatorSets<T, R> rightOuterJoin(DataSet<R> other) {
        return rightOuterJoin(other, JoinHint.OPTIMIZER_CHOOSES);
    }

    public <R> OuterJoinOperatorSets<T, R> rightOuterJoin(DataSet<R> other, JoinHint hint) {
        return new OuterJoinOperatorSets<>(this, other, JoinType.RIGHT_OUTER, hint);
    }

    /** A join that also keeps records of both sides without a match (paired with {@code null}). */
    public <R> OuterJoinOperatorSets<T, R> fullOuterJoin(DataSet<R> other) {
        return fullOuterJoin(other, JoinHint.OPTIMIZER_CHOOSES);
    }

    public <R> OuterJoinOperatorSets<T, R> fullOuterJoin(DataSet<R> other, JoinHint hint) {
        return new OuterJoinOperatorSets<>(this, other, JoinType.FULL_OUTER, hint);
    }

    // ---- sorting, coGroup and cross ----

    /**
     * Sorts each parallel partition by a tuple field (0-based position), in managed memory with
     * spilling. A further {@code sortPartition} call on the result adds a secondary key. Each
     * partition is sorted on its own; for a total order run it at parallelism 1 with
     * {@code .setParallelism(1)}.
     */
    public SortedPartitionDataSet<T> sortPartition(int field, Order order) {
        return sortPartition(new TupleFieldKeySelector<T>(field), order);
    }

    /** Sorts each parallel partition by {@code key}; see {@link #sortPartition(int, Order)}. */
    public <K> SortedPartitionDataSet<T> sortPartition(KeySelector<T, K> key, Order order) {
        return SortedPartitionDataSet.create(this, new SortField<>(key, order));
    }

    /** Some {@code n} records of this data set (the first {@code n} in order after a sort at parallelism 1). */
    public DataSet<T> first(int n) {
        return SortingPlans.first(this, n);
    }

    /** Starts a coGroup with {@code other}: continue with {@code where(...).equalTo(...).with(function)}. */
    public <R> CoGroupBuilder<T, R> coGroup(DataSet<R> other) {
        return new CoGroupBuilder<>(this, other);
    }

    /** All pairs of a record of this data set and one of {@code other}; {@code other} is broadcast, as in {@link #crossWithTiny}. */
    public <R> CrossDataSet<T, R> cross(DataSet<R> other) {
        return CrossDataSet.create(this, other, 1);
    }

    /** The cross product where {@code other} is the small side: it is broadcast and buffered, this one streamed. */
    public <R> CrossDataSet<T, R> crossWithTiny(DataSet<R> other) {
        return CrossDataSet.create(this, other, 1);
    }

    /** The cross product where {@code other} is the big side: this data set is broadcast and buffered, {@code other} streamed. */
    public <R> CrossDataSet<T, R> crossWithHuge(DataSet<R> other) {
        return CrossDataSet.create(this, other, 0);
    }

    // ---- aggregations and partitioning ----

    /**
     * Aggregates a tuple field over the whole data set into one record (none if it is empty); more
     * fields with {@link AggregateDataSet#and}. See {@link Aggregations} for the types.
     */
    public AggregateDataSet<T> aggregate(Aggregations aggregation, int field) {
        return new AggregateDataSet<>(this, null, List.of(new FieldAggregation(aggregation, field)));
    }

    public AggregateDataSet<T> sum(int field) {
        return aggregate(Aggregations.SUM, field);
    }

    public AggregateDataSet<T> min(int field) {
        return aggregate(Aggregations.MIN, field);
    }

    public AggregateDataSet<T> max(int field) {
        return aggregate(Aggregations.MAX, field);
    }

    /** One tuple per distinct combination of values in these fields (any one of the tuples that share it). */
    public DataSet<T> distinct(int... fields) {
        TupleFields.check("distinct", serializer(), fields);
        return distinct(new TupleFieldKeySelector<T>(fields));
    }

    /** The tuple with the smallest values in these fields, compared in this order (ties: any one). */
    public DataSet<T> minBy(int... fields) {
        TupleFields.check("minBy", serializer(), fields);
        SelectByFields<T> select = SelectByFields.min(fields);
        return reduce(select).name(select.describe());
    }

    /** The tuple with the largest values in these fields, compared in this order (ties: any one). */
    public DataSet<T> maxBy(int... fields) {
        TupleFields.check("maxBy", serializer(), fields);
        SelectByFields<T> select = SelectByFields.max(fields);
        return reduce(select).name(select.describe());
    }

    /**
     * Range-partitions tuples by some fields: equal keys share a partition, and every key of
     * partition i is at most every key of partition i+1 (natural order, fields compared in turn).
     * The boundaries come from a sample of the data taken in the same job, so partitions are about
     * equally large unless single keys are.
     */
    public DataSet<T> partitionByRange(int... fields) {
        TupleFields.check("partitionByRange", serializer(), fields);
        return RangePartitioning.partition(this, new TupleFieldKeySelector<T>(fields));
    }

    /** Range-partitions by a key in its natural order; see {@link #partitionByRange(int...)}. */
    public <K> DataSet<T> partitionByRange(KeySelector<T, K> keySelector) {
        return RangePartitioning.partition(this, keySelector);
    }

    /** Sends each tuple to the partition {@code partitioner} picks for the value of {@code field}. */
    @SuppressWarnings("unchecked")
    public <K> DataSet<T> partitionCustom(dev.spindle.api.functions.Partitioner<K> partitioner, int field) {
        TupleFields.check("partitionCustom", serializer(), field);
        return partitionCustom(partitioner, (KeySelector<T, K>) new TupleFieldKeySelector<T>(field));
    }

    /** Sends each record to the partition {@code partitioner} picks for its key (0..n-1; else the job fails). */
    public <K> DataSet<T> partitionCustom(dev.spindle.api.functions.Partitioner<K> partitioner,
                                          KeySelector<T, K> keySelector) {
        return connect("PartitionCustom", IdentityOperator::new, serializer(),
                new CustomPartitioner<>(partitioner, keySelector), PlanNode.DEFAULT_PARALLELISM);
    }

    // ---- sinks and eager actions ----

    /** Writes {@code toString()} of each record as a line into a directory of part files. */
    public DataSink<T> writeAsText(String path) {
        return writeAsText(path, TextOutputFormat.WriteMode.NO_OVERWRITE);
    }

    public DataSink<T> writeAsText(String path, TextOutputFormat.WriteMode mode) {
        return output(new TextOutputFormat<>(path, mode, null), "TextSink(" + path + ")");
    }

    /** Writes each record as the line the formatter makes of it. */
    public DataSink<T> writeAsFormattedText(String path, TextOutputFormat.WriteMode mode,
                                            TextOutputFormat.TextFormatter<T> formatter) {
        return output(new TextOutputFormat<>(path, mode, formatter), "TextSink(" + path + ")");
    }

    /**
     * Writes tuples as CSV lines ({@code ,} between fields, {@code \n} after each line) into a
     * directory of part files; see {@link CsvRecordFormatter} for quoting and {@code null}.
     */
    public DataSink<T> writeAsCsv(String path) {
        return writeAsCsv(path, CsvDialect.DEFAULT.lineDelimiter(), CsvDialect.DEFAULT.fieldDelimiter());
    }

    public DataSink<T> writeAsCsv(String path, String rowDelimiter, String fieldDelimiter) {
        return writeAsCsv(path, rowDelimiter, fieldDelimiter, TextOutputFormat.WriteMode.NO_OVERWRITE);
    }

    public DataSink<T> writeAsCsv(String path, String rowDelimiter, String fieldDelimiter,
                                  TextOutputFormat.WriteMode mode) {
        CsvDialect dialect = new CsvDialect(fieldDelimiter, rowDelimiter, CsvDialect.DEFAULT.quoteCharacter());
        return output(new TextOutputFormat<>(path, mode, new CsvRecordFormatter<>(dialect), rowDelimiter),
                "CsvSink(" + path + ")");
    }

    public DataSink<T> output(OutputFormat<T> format) {
        return output(format, "Sink(" + format.getClass().getSimpleName() + ")");
    }

    private DataSink<T> output(OutputFormat<T> format, String name) {
        PlanNode sink = sinkNode(name, () -> new OutputFormatSinkOperator<>(format));
        if (format instanceof GlobalOutputHooks hooks) {
            sink.setGlobalHooks(hooks);
        }
        env.addSink(sink);
        return new DataSink<>(sink);
    }

    /** Runs the program and returns this data set's records to the client (keep it small). */
    @SuppressWarnings("unchecked")
    public List<T> collect() throws Exception {
        String acc = ExecutionEnvironment.INTERNAL_ACCUMULATOR_PREFIX + "collect_" + node.id();
        TypeSerializer<T> serializer = serializer();
        PlanNode sink = sinkNode("Collect", () -> new CollectSinkOperator<>(serializer, acc));
        List<byte[]> chunks = (List<byte[]>) env.executeForAccumulator(sink, acc);
        List<T> result = new ArrayList<>();
        if (chunks != null) {
            TypeSerializer<T> reader = serializer.duplicate();
            for (byte[] chunk : chunks) {
                DataInputDeserializer in = new DataInputDeserializer(chunk);
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    result.add(reader.deserialize(in));
                }
            }
        }
        return result;
    }

    /** Runs the program and returns the number of records. */
    public long count() throws Exception {
        String acc = ExecutionEnvironment.INTERNAL_ACCUMULATOR_PREFIX + "count_" + node.id();
        PlanNode sink = sinkNode("Count", () -> new CountSinkOperator<>(acc));
        Object value = env.executeForAccumulator(sink, acc);
        return value == null ? 0 : (Long) value;
    }

    /** Runs the program and prints the records on the client's standard output. */
    public void print() throws Exception {
        for (T record : collect()) {
            System.out.println(record);
        }
    }

    // ---- properties of this step ----

    public DataSet<T> name(String name) {
        node.setName(name);
        return this;
    }

    public DataSet<T> setParallelism(int parallelism) {
        node.setParallelism(parallelism);
        return this;
    }

    /** Per-operator buffer timeout in ms for this step's output (0 = every record, -1 = when full). */
    public DataSet<T> setBufferTimeout(long millis) {
        node.setBufferTimeoutMillis(millis);
        return this;
    }

    /** States this step's record type, for lambdas whose type Java erased. */
    public DataSet<T> returns(Class<T> type) {
        node.setOutputSerializer(Serializers.forClass(type));
        return this;
    }

    public DataSet<T> returns(TypeHint<T> hint) {
        node.setOutputSerializer(Serializers.forType(hint.getType()));
        return this;
    }

    // ---- broadcast sets ----

    /**
     * Makes all records of {@code set} available to this operator's function, on every subtask,
     * as {@code getRuntimeContext().getBroadcastVariable(name)}: each subtask reads the whole set
     * before the function is opened, so {@code open} may use it. Applies to the operator that
     * produced this data set (a map, a filter, a join...), not to sources.
     */
    public DataSet<T> withBroadcastSet(DataSet<?> set, String name) {
        if (node.isSource()) {
            throw new IllegalStateException("Broadcast set '" + name + "' cannot be given to source " + node.name()
                    + "; give it to the operator that reads the source's records");
        }
        if (set.env != env) {
            throw new IllegalArgumentException("Broadcast set '" + name + "' belongs to another environment");
        }
        for (PlanEdge e : node.inputs()) {
            if (name.equals(e.broadcastName())) {
                throw new IllegalArgumentException(node.name() + " already has a broadcast set named '" + name + "'");
            }
        }
        node.addInput(new PlanEdge(set.node, new BroadcastPartitioner<>(), ExchangeMode.BLOCKING,
                node.nextInputIndex(), name));
        return this;
    }

    public ExecutionEnvironment getExecutionEnvironment() {
        return env;
    }

    // ---- iterations ----

    /**
     * Starts a bulk iteration with this data set as the initial partial solution: transform the
     * returned data set and close the loop with {@link IterativeDataSet#closeWith}.
     */
    public IterativeDataSet<T> iterate(int maxIterations) {
        return IterativeDataSet.create(this, maxIterations);
    }

    /**
     * Starts a delta iteration with this data set as the initial solution set, keyed by the tuple
     * fields {@code keyFields}, and {@code initialWorkset} as the first workset.
     */
    public <W> DeltaIteration<T, W> iterateDelta(DataSet<W> initialWorkset, int maxIterations, int... keyFields) {
        return new DeltaIteration<>(this, initialWorkset, maxIterations, keyFields);
    }

    // ---- plumbing ----

    <R> DataSet<R> forward(String name, OperatorFactory<R> factory, TypeSerializer<R> outSerializer) {
        return connect(name, factory, outSerializer, new ForwardPartitioner<>(), node.parallelism());
    }

    <R> DataSet<R> connect(String name, OperatorFactory<R> factory, TypeSerializer<R> outSerializer,
                           Partitioner<T> partitioner, int parallelism) {
        PlanNode next = PlanNode.operator(env.nextId(), name, factory).setOutputSerializer(outSerializer);
        next.addInput(new PlanEdge(node, partitioner, null, 0));
        if (parallelism != PlanNode.DEFAULT_PARALLELISM) {
            next.setParallelism(parallelism);
        }
        return new DataSet<>(env, next);
    }

    private PlanNode sinkNode(String name, OperatorFactory<Void> factory) {
        PlanNode sink = PlanNode.operator(env.nextId(), name, factory);
        sink.addInput(new PlanEdge(node, new ForwardPartitioner<>(), null, 0));
        sink.setParallelism(node.parallelism());
        return sink;
    }

    /** A record is its own key. */
    private static final class IdentityKey<T> implements KeySelector<T, T> {
        @Override
        public T getKey(T value) {
            return value;
        }
    }

    /** Keeps the first of two records. */
    private static final class KeepFirst<T> implements ReduceFunction<T> {
        @Override
        public T reduce(T a, T b) {
            return a;
        }
    }

    /** Hash-combines before the shuffle, then reduces per key within managed memory. Used by groupings. */
    <K> DataSet<T> hashReduce(String name, KeySelector<T, K> key, ReduceFunction<T> reducer) {
        int combinerEntries = env.getConfiguration().get(dev.spindle.runtime.config.CoreOptions.COMBINER_MAX_ENTRIES);
        TypeSerializer<T> serializer = serializer();
        DataSet<T> combined = forward(name + " (combine)",
                () -> new HashReduceOperator<>(reducer, key, serializer, combinerEntries), serializer);
        combined.node.setManagedMemoryWeight(1);
        DataSet<T> reduced = combined.connect(name, () -> new HashReduceOperator<>(reducer, key, serializer, 0),
                serializer, new HashPartitioner<>(key), PlanNode.DEFAULT_PARALLELISM);
        reduced.node.setManagedMemoryWeight(1).setGroupedBy(key);
        return reduced;
    }
}
