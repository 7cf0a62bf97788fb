package dev.spindle.runtime.jobmanager;

import dev.spindle.runtime.blob.BlobStore;
import dev.spindle.runtime.classloading.UserCodeClassLoaders;
import dev.spindle.runtime.cli.JarRunner;
import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.cluster.ResourceDriver;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.rest.RestServer;
import dev.spindle.runtime.rest.RestServerConfig;
import dev.spindle.runtime.rpc.RpcConnection;
import dev.spindle.runtime.rpc.RpcHandler;
import dev.spindle.runtime.rpc.RpcService;
import dev.spindle.runtime.rpc.messages.ClientProtocol.CancelJob;
import dev.spindle.runtime.rpc.messages.ClientProtocol.CancelResult;
import dev.spindle.runtime.rpc.messages.ClientProtocol.JarStored;
import dev.spindle.runtime.rpc.messages.ClientProtocol.JobAccepted;
import dev.spindle.runtime.rpc.messages.ClientProtocol.JobFinished;
import dev.spindle.runtime.rpc.messages.ClientProtocol.JobList;
import dev.spindle.runtime.rpc.messages.ClientProtocol.ListJobs;
import dev.spindle.runtime.rpc.messages.ClientProtocol.PutJar;
import dev.spindle.runtime.rpc.messages.ClientProtocol.RequestFailed;
import dev.spindle.runtime.rpc.messages.ClientProtocol.StopAccepted;
import dev.spindle.runtime.rpc.messages.ClientProtocol.StopCluster;
import dev.spindle.runtime.rpc.messages.ClientProtocol.SubmitJob;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.FetchJar;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.JarContent;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.Heartbeat;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.RegisterTaskManager;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.RegistrationAccepted;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.Shutdown;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.SuperstepEnded;
import dev.spindle.runtime.rpc.messages.TaskManagerProtocol.TaskEnded;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import dev.spindle.runtime.util.InstantiationUtil;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The coordinator of a cluster: accepts TaskManager registrations and watches their heartbeats,
 * accepts jobs from clients and runs each in a {@link JobMaster}. All state lives on one thread
 * (the "main" executor); Netty threads only enqueue the messages they receive.
 */
public final class JobManager implements AutoCloseable, RpcHandler {

    private static final Logger LOG = LogManager.getLogger(JobManager.class);

    private final Configuration config;
    private final EventLoopGroup group;
    private final ScheduledExecutorService main;
    private final Channel serverChannel;
    private final TaskManagerRegistry taskManagers = new TaskManagerRegistry();
    private final Map<String, JobMaster> jobs = new HashMap<>();
    private final Map<String, RpcConnection> jobClients = new HashMap<>();
    private final Map<CompletableFuture<Void>, Integer> taskManagerWaiters = new HashMap<>();
    private final long heartbeatTimeout;
    private final List<Consumer<JobResult>> jobListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> submissionListeners = new CopyOnWriteArrayList<>();
    private WorkerProvisioner provisioner;
    private final JobManagerClusterView clusterView;
    private final RestServer restServer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Consumer<String>> shutdownListeners = new CopyOnWriteArrayList<>();
    private final BlobStore jars;

    public JobManager(Configuration config) throws InterruptedException, IOException {
        this.config = config;
        this.group = new NioEventLoopGroup(2, new DefaultThreadFactory("spindle-jobmanager-io", true));
        this.main = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("spindle-jobmanager", true));
        this.heartbeatTimeout = config.get(JobManagerOptions.HEARTBEAT_TIMEOUT);
        this.serverChannel = new RpcService(group).listen(config.get(JobManagerOptions.RPC_ADDRESS),
                config.get(JobManagerOptions.RPC_PORT), this);
        long check = Math.max(100, Math.min(1000, heartbeatTimeout / 4));
        main.scheduleWithFixedDelay(this::checkLiveness, check, check, TimeUnit.MILLISECONDS);
        this.jars = new BlobStore(Files.createTempDirectory(Path.of(firstTmpDir(config)), "spindle-jars-"));
        this.clusterView = new JobManagerClusterView(main, taskManagers, jobs,
                request -> JarRunner.run(request, host(), port(), config),
                () -> requestShutdown("Stopped through the REST API (DELETE /cluster)"));
        this.restServer = startRest(config);
    }

    private RestServer startRest(Configuration config) {
        int restPort = config.get(JobManagerOptions.REST_PORT);
        if (restPort < 0) {
            return null;
        }
        try {
            Path uploads = Files.createTempDirectory(Path.of(firstTmpDir(config)), "spindle-uploads-");
            var restConfig = new RestServerConfig(host(), restPort, uploads,
                    config.get(JobManagerOptions.REST_MAX_UPLOAD).bytes(),
                    RestServerConfig.DEFAULT_REQUEST_TIMEOUT);
            return new RestServer(restConfig, clusterView);
        } catch (IOException e) {
            LOG.warn("The REST API could not start: {}", e.toString());
            return null;
        }
    }

    private static String firstTmpDir(Configuration config) {
        return config.get(TaskManagerOptions.TMP_DIRS).split(",")[0].trim();
    }

    /** Port of the REST API, or -1 if it is off. */
    public int restPort() {
        return restServer == null ? -1 : restServer.port();
    }

    /**
     * Called with the reason when someone asks the cluster to stop (DELETE /cluster, a client's
     * stop request); without listeners the JobManager closes itself.
     */
    public void addShutdownListener(Consumer<String> listener) {
        shutdownListeners.add(listener);
    }

    /** Not on the main thread: closing waits for it. */
    private void requestShutdown(String reason) {
        LOG.info("Cluster stop requested: {}", reason);
        if (shutdownListeners.isEmpty()) {
            close();
        } else {
            shutdownListeners.forEach(l -> l.accept(reason));
        }
    }

    public String host() {
        return config.get(JobManagerOptions.RPC_ADDRESS);
    }

    public int port() {
        return RpcService.port(serverChannel);
    }

    /**
     * Lets the JobManager start TaskManagers itself when jobs lack slots (YARN). Without a driver
     * the cluster's TaskManagers are fixed (the embedded cluster starts them up front).
     */
    public void setResourceDriver(ResourceDriver driver, int slotsPerWorker) {
        var policy = new WorkerProvisioner.Policy(slotsPerWorker, config.get(JobManagerOptions.TASKMANAGER_MIN_COUNT),
                config.get(JobManagerOptions.TASKMANAGER_IDLE_TIMEOUT));
        main.execute(() -> {
            provisioner = new WorkerProvisioner(driver, policy, host(), port());
            scheduleAll();
        });
    }

    /** The resource driver reports that a requested worker will not come; it may be asked again. */
    public void workerFailedToStart(String reason) {
        main.execute(() -> {
            LOG.warn("A requested TaskManager did not start: {}", reason);
            if (provisioner != null) {
                provisioner.onWorkerFailed();
            }
        });
    }

    /** Called (on the JobManager's thread) with the id of every accepted job. */
    public void addSubmissionListener(Consumer<String> listener) {
        submissionListeners.add(listener);
    }

    /** Called (on the JobManager's thread) whenever a job reaches a terminal state. */
    public void addJobListener(Consumer<JobResult> listener) {
        jobListeners.add(listener);
    }

    /** Completes when at least {@code n} TaskManagers are registered. */
    public CompletableFuture<Void> awaitTaskManagers(int n) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        main.execute(() -> {
            if (taskManagers.all().size() >= n) {
                f.complete(null);
            } else {
                taskManagerWaiters.put(f, n);
            }
        });
        return f;
    }

    @Override
    public void onMessage(RpcConnection connection, Object message) {
        if (message instanceof PutJar || message instanceof FetchJar) {
            serveJar(connection, message); // file I/O, no JobManager state: stays off the main thread
        } else {
            main.execute(() -> handle(connection, message));
        }
    }

    private void serveJar(RpcConnection connection, Object message) {
        if (message instanceof PutJar p) {
            try {
                connection.send(new JarStored(p.requestId(), jars.put(p.content())));
            } catch (IOException e) {
                connection.send(new RequestFailed(p.requestId(), "The JobManager cannot store the jar: " + e));
            }
        } else if (message instanceof FetchJar f) {
            try {
                connection.send(new JarContent(f.requestId(), jars.read(f.key()), null));
            } catch (IOException e) {
                connection.send(new JarContent(f.requestId(), null, e.getMessage()));
            }
        }
    }

    @Override
    public void onDisconnected(RpcConnection connection) {
        main.execute(() -> {
            TaskManagerRegistry.Registration tm = taskManagers.byConnection(connection);
            if (tm != null) {
                lose(tm, "Lost connection to " + tm.describe() + "; it probably died — see its log");
            }
            jobClients.entrySet().removeIf(e -> e.getValue() == connection);
        });
    }

    private void handle(RpcConnection connection, Object message) {
        try {
            if (message instanceof Heartbeat h) {
                TaskManagerRegistry.Registration tm = taskManagers.get(h.taskManagerId());
                if (tm != null) {
                    tm.lastHeartbeat = System.currentTimeMillis();
                }
            } else if (message instanceof TaskEnded t) {
                JobMaster job = jobs.get(t.jobId());
                if (job != null) {
                    job.onTaskEnded(t);
                }
            } else if (message instanceof SuperstepEnded s) {
                JobMaster job = jobs.get(s.jobId());
                if (job != null) {
                    job.onSuperstepEnded(s);
                }
            } else if (message instanceof RegisterTaskManager r) {
                register(connection, r);
            } else if (message instanceof SubmitJob s) {
                submit(connection, s);
            } else if (message instanceof CancelJob c) {
                clusterView.cancelJob(c.jobId()).thenAccept(known ->
                        connection.send(new CancelResult(c.requestId(), known)));
            } else if (message instanceof ListJobs l) {
                clusterView.jobs().thenAccept(list -> connection.send(new JobList(l.requestId(), list)));
            } else if (message instanceof StopCluster stop) {
                connection.send(new StopAccepted(stop.requestId()));
                Thread stopper = new Thread(() -> requestShutdown(stop.reason()), "spindle-cluster-stop");
                stopper.setDaemon(true);
                stopper.start();
            } else {
                LOG.warn("Unexpected message {} from {}", message.getClass().getSimpleName(), connection);
            }
        } catch (RuntimeException e) {
            LOG.error("JobManager failed handling {}", message.getClass().getSimpleName(), e);
        }
    }

    private void register(RpcConnection connection, RegisterTaskManager r) {
        taskManagers.add(new TaskManagerRegistry.Registration(r.taskManagerId(), r.host(), r.dataPort(), r.slots(),
                r.logFile(), connection));
        connection.send(new RegistrationAccepted(config.get(JobManagerOptions.HEARTBEAT_INTERVAL)));
        LOG.info("TaskManager {} registered from {} with {} slots", r.taskManagerId(), connection.remoteAddress(),
                r.slots());
        int count = taskManagers.all().size();
        taskManagerWaiters.entrySet().removeIf(e -> {
            if (count >= e.getValue()) {
                e.getKey().complete(null);
                return true;
            }
            return false;
        });
        if (provisioner != null) {
            provisioner.onWorkerRegistered();
        }
        scheduleAll();
    }

    /**
     * Lets every job deploy what it can, then asks for workers for what is still missing; returns
     * the number of slots jobs still lack.
     */
    private int scheduleAll() {
        jobs.values().forEach(JobMaster::scheduleReadyRegions);
        int missing = jobs.values().stream().mapToInt(JobMaster::missingSlots).sum();
        if (provisioner != null) {
            provisioner.ensureWorkers(missing, taskManagers.all().size());
        }
        return missing;
    }

    /** Shuts down TaskManagers that stayed idle for the idle timeout (only with a resource driver). */
    private void releaseIdleTaskManagers(int missingSlots) {
        if (provisioner == null) {
            return;
        }
        var idle = provisioner.idleToRelease(taskManagers.all(), missingSlots,
                tm -> jobs.values().stream().anyMatch(j -> j.usesTaskManager(tm)), System.currentTimeMillis());
        for (TaskManagerRegistry.Registration tm : idle) {
            taskManagers.remove(tm.id);
            tm.connection.send(new Shutdown("idle for too long"));
            provisioner.release(tm);
        }
    }

    private void submit(RpcConnection client, SubmitJob s) {
        JobGraph graph;
        ClassLoader loader;
        try {
            loader = UserCodeClassLoaders.create(jars.localPaths(s.jarPaths()), JobManager.class.getClassLoader(), config);
            graph = InstantiationUtil.deserialize(s.serializedJobGraph(), loader);
        } catch (Exception e) {
            client.send(new RequestFailed(s.requestId(), "Cannot read the job: " + e));
            return;
        }
        JobMaster job = new JobMaster(graph, loader, taskManagers, config.get(JobManagerOptions.SLOT_REQUEST_TIMEOUT),
                RestartStrategy.from(graph.configuration()),
                (action, delay) -> main.schedule(action, delay, TimeUnit.MILLISECONDS),
                result -> onJobTerminal(result));
        jobs.put(graph.jobId(), job);
        jobClients.put(graph.jobId(), client);
        client.send(new JobAccepted(s.requestId(), graph.jobId()));
        submissionListeners.forEach(l -> l.accept(graph.jobId()));
        job.start(s.jarPaths());
        scheduleAll();
    }

    private void onJobTerminal(JobResult result) {
        JobMaster ended = jobs.remove(result.jobId());
        if (ended != null) {
            clusterView.archive(ended.details());
        }
        RpcConnection client = jobClients.remove(result.jobId());
        if (client != null && client.isOpen()) {
            client.send(new JobFinished(result));
        }
        jobListeners.forEach(l -> l.accept(result));
        scheduleAll();
    }

    private void checkLiveness() {
        long now = System.currentTimeMillis();
        for (TaskManagerRegistry.Registration tm : new ArrayList<>(taskManagers.all())) {
            if (now - tm.lastHeartbeat > heartbeatTimeout) {
                lose(tm, tm.describe() + " missed heartbeats for " + (now - tm.lastHeartbeat) / 1000
                        + " s; it probably died or hangs — see its log");
                tm.connection.close();
            }
        }
        jobs.values().forEach(JobMaster::checkSlotTimeout);
        releaseIdleTaskManagers(scheduleAll());
    }

    private void lose(TaskManagerRegistry.Registration tm, String reason) {
        if (taskManagers.remove(tm.id) == null) {
            return;
        }
        LOG.warn(reason);
        new ArrayList<>(jobs.values()).forEach(j -> j.onTaskManagerLost(tm, reason));
        scheduleAll();
    }

    /** Tells TaskManagers to exit and stops. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        main.execute(() -> {
            new ArrayList<>(jobs.values()).forEach(JobMaster::cancel);
            for (TaskManagerRegistry.Registration tm : taskManagers.all()) {
                tm.connection.sendAndWait(new Shutdown("cluster stopping"));
            }
            done.complete(null);
        });
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("JobManager did not stop cleanly", e);
        }
        main.shutdownNow();
        if (restServer != null) {
            restServer.close();
        }
        serverChannel.close().awaitUninterruptibly();
        jars.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
