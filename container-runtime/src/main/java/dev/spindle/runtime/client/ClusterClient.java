package dev.spindle.runtime.client;

import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.rest.ClusterView.JobSummary;
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
import dev.spindle.runtime.rpc.messages.ClientProtocol.Reply;
import dev.spindle.runtime.rpc.messages.ClientProtocol.RequestFailed;
import dev.spindle.runtime.rpc.messages.ClientProtocol.StopCluster;
import dev.spindle.runtime.rpc.messages.ClientProtocol.SubmitJob;
import dev.spindle.runtime.util.InstantiationUtil;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Talks to a JobManager: ships jars, submits jobs and waits for their results, lists and cancels
 * jobs, stops the cluster. Thread-safe; replies arrive on a Netty thread and complete futures.
 */
public final class ClusterClient implements AutoCloseable, RpcHandler {

    private static final long REQUEST_TIMEOUT_SECONDS = 120;

    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("spindle-client", true));
    private final RpcConnection connection;
    private final String address;
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<Long, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JobResult>> results = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public ClusterClient(String host, int port) throws IOException {
        this.address = host + ":" + port;
        try {
            this.connection = new RpcService(group).connect(host, port, this, 10_000);
        } catch (IOException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("Cannot reach the JobManager at " + address + ": " + e.getMessage(), e);
        }
    }

    public String address() {
        return address;
    }

    /**
     * Ships a local jar to the JobManager and returns the path to submit jobs with; TaskManagers
     * fetch it from the JobManager when they first run one of its tasks.
     */
    public String uploadJar(Path jar) throws Exception {
        byte[] content = Files.readAllBytes(jar);
        return request(id -> new PutJar(id, content), JarStored.class).reference();
    }

    /** Submits and returns the job id once the JobManager accepted the job. */
    public String submit(JobGraph graph, List<String> jarPaths) throws Exception {
        byte[] serialized = InstantiationUtil.serialize(graph);
        results.put(graph.jobId(), new CompletableFuture<>());
        try {
            return request(id -> new SubmitJob(id, serialized, jarPaths), JobAccepted.class).jobId();
        } catch (Exception e) {
            results.remove(graph.jobId());
            throw e;
        }
    }

    public JobResult awaitResult(String jobId) throws InterruptedException, ExecutionException {
        CompletableFuture<JobResult> f = results.get(jobId);
        if (f == null) {
            throw new IllegalArgumentException("Unknown job " + jobId);
        }
        try {
            return f.get();
        } finally {
            results.remove(jobId);
        }
    }

    public JobResult submitAndWait(JobGraph graph, List<String> jarPaths) throws Exception {
        return awaitResult(submit(graph, jarPaths));
    }

    /** Asks the job to cancel; false if the JobManager does not know it. */
    public boolean cancel(String jobId) throws Exception {
        return request(id -> new CancelJob(id, jobId), CancelResult.class).known();
    }

    /** Running and recently ended jobs, in submission order. */
    public List<JobSummary> listJobs() throws Exception {
        return request(ListJobs::new, JobList.class).jobs();
    }

    /** Asks the cluster to stop; returns once the JobManager accepted (it then stops on its own). */
    public void stopCluster(String reason) throws Exception {
        request(id -> new StopCluster(id, reason), Reply.class);
    }

    private <R extends Reply> R request(LongFunction<Serializable> message, Class<R> replyType) throws Exception {
        long id = requestIds.incrementAndGet();
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        pending.put(id, reply);
        connection.send(message.apply(id));
        Reply r;
        try {
            r = reply.get(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        } catch (TimeoutException e) {
            throw new IOException("The JobManager at " + address + " did not answer within "
                    + REQUEST_TIMEOUT_SECONDS + " s");
        } finally {
            pending.remove(id);
        }
        if (r instanceof RequestFailed failed) {
            throw new IllegalStateException(failed.message());
        }
        return replyType.cast(r);
    }

    @Override
    public void onMessage(RpcConnection c, Object message) {
        if (message instanceof Reply r) {
            CompletableFuture<Reply> f = pending.get(r.requestId());
            if (f != null) {
                f.complete(r);
            }
        } else if (message instanceof JobFinished f) {
            CompletableFuture<JobResult> future = results.get(f.result().jobId());
            if (future != null) {
                future.complete(f.result());
            }
        }
    }

    @Override
    public void onDisconnected(RpcConnection c) {
        if (closed) {
            return;
        }
        IOException lost = new IOException("Lost connection to the JobManager at " + address
                + "; it probably died — see its log");
        pending.values().forEach(f -> f.completeExceptionally(lost));
        results.values().forEach(f -> f.completeExceptionally(lost));
    }

    @Override
    public void close() {
        closed = true;
        connection.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
