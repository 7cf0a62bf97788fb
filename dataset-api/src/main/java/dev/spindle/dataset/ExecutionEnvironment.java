package dev.spindle.dataset;

import dev.spindle.connectors.hdfs.TextInputFormat;
import dev.spindle.dataset.internal.CollectionInputFormat;
import dev.spindle.dataset.internal.SequenceInputFormat;
import dev.spindle.runtime.client.JobExecutionException;
import dev.spindle.runtime.client.JobExecutor;
import dev.spindle.runtime.client.JobExecutors;
import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.CoreOptions;
import dev.spindle.runtime.io.InputFormat;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.PlanCompiler;
import dev.spindle.runtime.plan.Plan;
import dev.spindle.runtime.plan.PlanNode;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.util.InstantiationUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point of a batch program: creates data sets from sources, and runs the program when
 * {@link #execute} (or an eager action such as {@code collect()}) is called. Obtain it with
 * {@link #getExecutionEnvironment()}: under {@code bin/run} it is bound to the cluster the launcher
 * chose; elsewhere each execution runs on a fresh embedded cluster. Not thread-safe.
 */
public final class ExecutionEnvironment {

    /** Names of accumulators used internally by collect() and count(); hidden from results. */
    static final String INTERNAL_ACCUMULATOR_PREFIX = JobResult.INTERNAL_ACCUMULATOR_PREFIX;

    private final JobExecutor executor;
    private final Configuration configuration;
    private final List<PlanNode> sinks = new ArrayList<>();
    private int nextNodeId;
    private int parallelism = -1;
    /** Of the job run last; set by the thread that runs the program. */
    private JobExecutionResult lastResult;

    private ExecutionEnvironment(JobExecutor executor) {
        this.executor = executor;
        this.configuration = new Configuration(executor.configuration());
    }

    public static ExecutionEnvironment getExecutionEnvironment() {
        return new ExecutionEnvironment(JobExecutors.current());
    }

    /** An environment bound to a given executor (tests, embedding applications). */
    public static ExecutionEnvironment create(JobExecutor executor) {
        return new ExecutionEnvironment(executor);
    }

    public ExecutionEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
        return this;
    }

    public int getParallelism() {
        if (parallelism > 0) {
            return parallelism;
        }
        int configured = configuration.get(CoreOptions.DEFAULT_PARALLELISM);
        return configured > 0 ? configured : executor.defaultParallelism();
    }

    /** Milliseconds after which partly filled shuffle buffers are sent (0 = every record, -1 = only when full). */
    public ExecutionEnvironment setBufferTimeout(long millis) {
        configuration.set(CoreOptions.BUFFER_TIMEOUT, millis);
        return this;
    }

    /** The job's settings; start from the launcher's (-D, spindle.yaml) and may be changed before execute(). */
    public Configuration getConfiguration() {
        return configuration;
    }

    // ---- sources ----

    @SafeVarargs
    public final <T> DataSet<T> fromElements(T... elements) {
        return fromCollection(Arrays.asList(elements));
    }

    public <T> DataSet<T> fromCollection(Collection<T> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("fromCollection needs at least one element (to know the type)");
        }
        TypeSerializer<T> serializer = serializerForElements(elements);
        PlanNode node = PlanNode.source(nextId(), "Collection", new CollectionInputFormat<>(elements, serializer))
                .setMaxParallelism(1).setOutputSerializer(serializer);
        return new DataSet<>(this, node);
    }

    @SuppressWarnings("unchecked")
    private static <T> TypeSerializer<T> serializerForElements(Collection<T> elements) {
        Class<?> first = elements.iterator().next().getClass();
        boolean same = elements.stream().allMatch(e -> e != null && e.getClass() == first);
        return (TypeSerializer<T>) (same ? Serializers.forClass(first) : Serializers.forType(null));
    }

    public DataSet<Long> generateSequence(long from, long to) {
        PlanNode node = PlanNode.source(nextId(), "Sequence(" + from + ".." + to + ")", new SequenceInputFormat(from, to))
                .setOutputSerializer(Serializers.forClass(Long.class));
        return new DataSet<>(this, node);
    }

    /** The lines of a file or of all files of a directory, on any Hadoop file system (file://, hdfs://). */
    public DataSet<String> readTextFile(String path) {
        return createInput(new TextInputFormat(path), "TextFile(" + path + ")", Serializers.forClass(String.class));
    }

    /**
     * CSV files as tuples: configure the returned reader (delimiters, header, columns, what to do with
     * malformed lines), then give the field types with {@link CsvReader#types}.
     */
    public CsvReader readCsvFile(String path) {
        return new CsvReader(path, this);
    }

    public <T> DataSet<T> createInput(InputFormat<T, ?> format, String name, TypeSerializer<T> serializer) {
        PlanNode node = PlanNode.source(nextId(), name, format).setOutputSerializer(serializer);
        return new DataSet<>(this, node);
    }

    // ---- execution ----

    public JobExecutionResult execute() throws Exception {
        return execute("Spindle job");
    }

    /** Runs every sink defined since the last execution. */
    public JobExecutionResult execute(String jobName) throws Exception {
        run(jobName);
        return lastResult;
    }

    /**
     * The result of the job this environment ran last, also when an eager action such as
     * {@code collect()} ran it: its accumulators (for example the lines a CSV source skipped), or
     * {@code null} before the first job.
     */
    public JobExecutionResult getLastJobExecutionResult() {
        return lastResult;
    }

    /** Runs the pending sinks; returns all accumulators (including internal ones) or throws the job's failure. */
    private Map<String, Object> run(String jobName) throws Exception {
        if (sinks.isEmpty()) {
            throw new IllegalStateException("No sinks defined: add writeAsText/output before execute(), "
                    + "or use collect()/count()/print(), which run the program themselves");
        }
        Plan plan = new Plan(jobName, new ArrayList<>(sinks), configuration);
        sinks.clear();
        JobGraph graph = new PlanCompiler(configuration, getParallelism()).compile(plan);
        JobResult result = executor.execute(graph);
        lastResult = new JobExecutionResult(result.jobId(), result.durationMillis(), Map.of());
        if (result.isDetached()) {
            return new HashMap<>();
        }
        if (!result.isSuccess()) {
            throw new JobExecutionException(result);
        }
        if (result.serializedAccumulators() == null) {
            return new HashMap<>();
        }
        Map<String, Object> accumulators =
                InstantiationUtil.deserialize(result.serializedAccumulators(), executor.userClassLoader());
        Map<String, Object> user = new HashMap<>();
        accumulators.forEach((k, v) -> {
            if (!k.startsWith(INTERNAL_ACCUMULATOR_PREFIX)) {
                user.put(k, v);
            }
        });
        lastResult = new JobExecutionResult(result.jobId(), result.durationMillis(), user);
        return accumulators;
    }

    /** Runs the pending sinks plus one internal sink, and returns the internal accumulator's value. */
    Object executeForAccumulator(PlanNode sink, String accumulatorName) throws Exception {
        sinks.add(sink);
        Map<String, Object> accumulators = run("Spindle job (" + sink.name() + ")");
        if (!accumulators.containsKey(accumulatorName)) {
            throw new IllegalStateException(sink.name() + "() needs the job's result, but the job was submitted "
                    + "detached; run attached (without -d)");
        }
        return accumulators.get(accumulatorName);
    }

    void addSink(PlanNode sink) {
        sinks.add(sink);
    }

    int nextId() {
        return nextNodeId++;
    }
}
