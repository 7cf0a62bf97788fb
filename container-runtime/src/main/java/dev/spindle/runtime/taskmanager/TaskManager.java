package dev.spindle.runtime.taskmanager;

import dev.spindle.runtime.blob.BlobCache;
import dev.spindle.runtime.classloading.UserCodeClassLoaders;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.iteration.IterationBroker;
import dev.spindle.runtime.memory.MemoryManager;
import dev.spindle.runtime.memory.MemoryOptions;
import dev.spindle.runtime.rpc.RpcConnection;
import dev.spindle.runtime.rpc.RpcHandler;
import dev.spindle.runtime.rpc.RpcService;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.CancelTask;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.DeployTask;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.FetchJar;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.JarContent;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.Heartbeat;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.RegisterTaskManager;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.RegistrationAccepted;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.ReleaseJob;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.Shutdown;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.SuperstepDecision;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.TaskEnded;
import dev.spindle.runtime.shuffle.buffer.NetworkBufferPool;
import dev.spindle.runtime.shuffle.netty.ShuffleClient;
import dev.spindle.runtime.shuffle.netty.ShuffleServer;
import dev.spindle.runtime.shuffle.partition.ResultPartitionManager;
import dev.spindle.runtime.task.ExecutionState;
import dev.spindle.runtime.task.Task;
import dev.spindle.runtime.task.TaskDeploymentDescriptor;
import dev.spindle.runtime.task.TaskEnvironment;
import dev.spindle.runtime.task.TaskMetrics;
import dev.spindle.runtime.util.FileUtils;
import dev.spindle.runtime.util.SerializedThrowable;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A worker: runs tasks in its slots, holds their result partitions and serves them to other
 * TaskManagers. Lifecycle: {@link #start()} connects to the JobManager and registers;
 * {@link #awaitTermination()} blocks until the JobManager says to shut down or disappears;
 * {@link #close()} cancels running tasks and frees everything. Messages from the JobManager arrive
 * on a Netty thread; tasks run in their own threads and report through {@link #onTaskEnded}. A task
 * whose job jar is a {@code blob:} reference waits in {@code pendingDeployments} until the jar has
 * been fetched from the JobManager; cancelling it there ends it without starting it.
 */
public final class TaskManager implements AutoCloseable, RpcHandler {

    private static final Logger LOG = LogManager.getLogger(TaskManager.class);

    private final String id;
    private final Configuration config;
    private final String jobManagerHost;
    private final int jobManagerPort;
    private final EventLoopGroup group;
    private final NetworkBufferPool bufferPool;
    private final ResultPartitionManager partitions = new ResultPartitionManager();
    private final ShuffleServer shuffleServer;
    private final ShuffleClient shuffleClient;
    private final TaskEnvironment environment;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final Map<String, ClassLoader> classLoaders = new ConcurrentHashMap<>();
    private final Map<String, TaskDeploymentDescriptor> pendingDeployments = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<byte[]>> jarFetches = new ConcurrentHashMap<>();
    private final AtomicLong fetchIds = new AtomicLong();
    private final BlobCache jars;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final File[] workDirs;
    private final File workDir;
    private final MemoryManager memoryManager;
    private volatile RpcConnection jobManager;
    private volatile boolean shutdownRequested;

    public TaskManager(Configuration config, String jobManagerHost, int jobManagerPort) throws Exception {
        String resourceId = config.get(TaskManagerOptions.RESOURCE_ID);
        this.id = resourceId.isEmpty() ? "tm-" + UUID.randomUUID().toString().substring(0, 8) : resourceId;
        this.config = config;
        this.jobManagerHost = jobManagerHost;
        this.jobManagerPort = jobManagerPort;
        this.group = new NioEventLoopGroup(2, new DefaultThreadFactory("spindle-" + id, true));
        int segment = config.get(TaskManagerOptions.SEGMENT_SIZE).toIntBytes();
        int segments = (int) Math.max(16, config.get(TaskManagerOptions.NETWORK_MEMORY).bytes() / segment);
        this.bufferPool = new NetworkBufferPool(segments, segment);
        String host = config.get(TaskManagerOptions.HOST);
        this.shuffleServer = new ShuffleServer(host, config.get(TaskManagerOptions.DATA_PORT), group, partitions);
        this.shuffleClient = new ShuffleClient(group, 10_000);
        this.workDirs = createWorkDirs();
        this.workDir = workDirs[0];
        this.jars = new BlobCache(new File(workDir, "jars").toPath(), this::fetchJar);
        this.memoryManager = MemoryOptions.createMemoryManager(config, Runtime.getRuntime().maxMemory(),
                (long) segments * segment, config.get(TaskManagerOptions.NUM_SLOTS));
        this.environment = new TaskEnvironment(id, bufferPool, partitions, shuffleClient, memoryManager, workDirs,
                config.get(TaskManagerOptions.BUFFERS_PER_OUTPUT_CHANNEL),
                config.get(TaskManagerOptions.CREDITS_PER_INPUT_CHANNEL),
                config.get(TaskManagerOptions.PARTITION_REQUEST_TIMEOUT), new IterationBroker(this::sendToJobManager));
    }

    /** One directory of this TaskManager in each of io.tmp.dirs; spill files and blocking results spread over them. */
    private File[] createWorkDirs() throws IOException {
        List<File> dirs = new ArrayList<>();
        for (String tmp : config.get(TaskManagerOptions.TMP_DIRS).split(",")) {
            if (tmp.isBlank()) {
                continue;
            }
            File dir = new File(tmp.trim(), "spindle-" + id);
            if (!dir.mkdirs() && !dir.isDirectory()) {
                throw new IOException("Cannot create TaskManager directory " + dir + " (check io.tmp.dirs)");
            }
            dirs.add(dir);
        }
        if (dirs.isEmpty()) {
            throw new IOException("io.tmp.dirs names no directory");
        }
        return dirs.toArray(new File[0]);
    }

    public String id() {
        return id;
    }

    public int dataPort() {
        return shuffleServer.port();
    }

    public int runningTasks() {
        return tasks.size();
    }

    public void start() throws IOException {
        RpcService rpc = new RpcService(group);
        jobManager = rpc.connect(jobManagerHost, jobManagerPort, this, 10_000);
        int slots = config.get(TaskManagerOptions.NUM_SLOTS);
        jobManager.send(new RegisterTaskManager(id, config.get(TaskManagerOptions.HOST), dataPort(), slots,
                System.getProperty("spindle.log.file", "")));
        LOG.info("TaskManager {} with {} slots registering at {}:{}", id, slots, jobManagerHost, jobManagerPort);
    }

    @Override
    public void onMessage(RpcConnection connection, Object message) {
        if (message instanceof DeployTask d) {
            deploy(d.descriptor());
        } else if (message instanceof CancelTask c) {
            Task task = tasks.get(c.attemptId());
            TaskDeploymentDescriptor waiting = pendingDeployments.remove(c.attemptId());
            if (task != null) {
                task.cancel();
            } else if (waiting != null) {
                onTaskEnded(waiting, ExecutionState.CANCELED, null, null, TaskMetrics.EMPTY);
            }
        } else if (message instanceof SuperstepDecision d) {
            Task task = tasks.get(d.attemptId());
            if (task != null) {
                task.onSuperstepDecision(d);
            }
        } else if (message instanceof JarContent j) {
            CompletableFuture<byte[]> f = jarFetches.remove(j.requestId());
            if (f != null && j.content() != null) {
                f.complete(j.content());
            } else if (f != null) {
                f.completeExceptionally(new IOException(j.error()));
            }
        } else if (message instanceof ReleaseJob r) {
            partitions.releaseJob(r.jobId());
            classLoaders.remove(r.jobId());
        } else if (message instanceof RegistrationAccepted a) {
            long interval = a.heartbeatIntervalMillis();
            group.scheduleAtFixedRate(() -> {
                RpcConnection jm = jobManager;
                if (jm != null && jm.isOpen()) {
                    jm.send(new Heartbeat(id));
                }
            }, interval, interval, TimeUnit.MILLISECONDS);
        } else if (message instanceof Shutdown s) {
            LOG.info("TaskManager {} shutting down: {}", id, s.reason());
            shutdownRequested = true;
            terminated.countDown();
        }
    }

    @Override
    public void onDisconnected(RpcConnection connection) {
        if (!closed.get() && !shutdownRequested) {
            LOG.warn("TaskManager {} lost its JobManager at {}:{}; cancelling tasks and stopping", id, jobManagerHost,
                    jobManagerPort);
        }
        tasks.values().forEach(Task::cancel);
        IOException lost = new IOException("lost the JobManager");
        jarFetches.values().forEach(f -> f.completeExceptionally(lost));
        terminated.countDown();
    }

    private void deploy(TaskDeploymentDescriptor tdd) {
        pendingDeployments.put(tdd.attemptId(), tdd);
        jars.resolve(tdd.jarPaths()).whenComplete((localJars, error) -> {
            if (pendingDeployments.remove(tdd.attemptId()) == null) {
                return; // cancelled while its jar was on the way
            }
            if (error != null) {
                onTaskEnded(tdd, ExecutionState.FAILED, SerializedThrowable.of(new IOException(
                        "Cannot fetch the job's jar from the JobManager: " + error.getMessage(), error)),
                        null, TaskMetrics.EMPTY);
            } else {
                start(tdd, localJars);
            }
        });
    }

    private CompletableFuture<byte[]> fetchJar(String key) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        RpcConnection jm = jobManager;
        if (jm == null || !jm.isOpen()) {
            f.completeExceptionally(new IOException("not connected to the JobManager"));
            return f;
        }
        long requestId = fetchIds.incrementAndGet();
        jarFetches.put(requestId, f);
        jm.send(new FetchJar(requestId, key));
        return f;
    }

    private void start(TaskDeploymentDescriptor tdd, List<String> localJars) {
        try {
            ClassLoader loader = classLoaders.computeIfAbsent(tdd.jobId(), j -> createClassLoader(localJars, tdd));
            Task task = new Task(tdd, environment, loader, this::onTaskEnded);
            tasks.put(tdd.attemptId(), task);
            task.start();
        } catch (RuntimeException e) {
            onTaskEnded(tdd, ExecutionState.FAILED, SerializedThrowable.of(e), null, TaskMetrics.EMPTY);
        }
    }

    private ClassLoader createClassLoader(List<String> localJars, TaskDeploymentDescriptor tdd) {
        try {
            return UserCodeClassLoaders.create(localJars, TaskManager.class.getClassLoader(), tdd.jobConfiguration());
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void sendToJobManager(java.io.Serializable message) {
        RpcConnection jm = jobManager;
        if (jm != null && jm.isOpen()) {
            jm.send(message);
        }
    }

    private void onTaskEnded(TaskDeploymentDescriptor tdd, ExecutionState state, SerializedThrowable failure,
                             byte[] accumulators, TaskMetrics metrics) {
        tasks.remove(tdd.attemptId());
        RpcConnection jm = jobManager;
        if (jm != null && jm.isOpen()) {
            jm.send(new TaskEnded(tdd.jobId(), tdd.attemptId(), state, failure, accumulators, metrics));
        }
    }

    /** Blocks until told to shut down or the JobManager is gone. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        tasks.values().forEach(Task::cancel);
        RpcConnection jm = jobManager;
        if (jm != null) {
            jm.close();
        }
        shuffleClient.close();
        shuffleServer.close();
        partitions.releaseAll();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        memoryManager.shutdown();
        for (File dir : workDirs) {
            FileUtils.deleteRecursively(dir);
        }
        terminated.countDown();
    }
}
