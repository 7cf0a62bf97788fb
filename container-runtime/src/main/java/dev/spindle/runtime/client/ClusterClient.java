package dev.spindle.runtime.client;

import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.rpc.RpcConnection;
import dev.spindle.runtime.rpc.RpcHandler;
import dev.spindle.runtime.rpc.RpcService;
import dev.spindle.runtime.rpc.messages.ClientProtocol.CancelJob;
import dev.spindle.runtime.rpc.messages.ClientProtocol.JobAccepted;
import dev.spindle.runtime.rpc.messages.ClientProtocol.JobFinished;
import dev.spindle.runtime.rpc.messages.ClientProtocol.JobRejected;
import dev.spindle.runtime.rpc.messages.ClientProtocol.SubmitJob;
import dev.spindle.runtime.util.InstantiationUtil;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Submits jobs to a JobManager and waits for their results. Thread-safe. */
public final class ClusterClient implements AutoCloseable, RpcHandler {

    private final EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("spindle-client", true));
    private final RpcConnection connection;
    private final String address;
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<Long, CompletableFuture<String>> pendingSubmissions = new ConcurrentHashMap<>();
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

    /** Submits and returns the job id once the JobManager accepted the job. */
    public String submit(JobGraph graph, List<String> jarPaths) throws Exception {
        long requestId = requestIds.incrementAndGet();
        CompletableFuture<String> accepted = new CompletableFuture<>();
        pendingSubmissions.put(requestId, accepted);
        results.put(graph.jobId(), new CompletableFuture<>());
        connection.send(new SubmitJob(requestId, InstantiationUtil.serialize(graph), jarPaths));
        try {
            return accepted.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            results.remove(graph.jobId());
            throw (Exception) e.getCause();
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

    public void cancel(String jobId) {
        connection.send(new CancelJob(jobId));
    }

    @Override
    public void onMessage(RpcConnection c, Object message) {
        if (message instanceof JobAccepted a) {
            complete(a.requestId(), a.jobId(), null);
        } else if (message instanceof JobRejected r) {
            complete(r.requestId(), null, new IllegalStateException(r.reason()));
        } else if (message instanceof JobFinished f) {
            CompletableFuture<JobResult> future = results.get(f.result().jobId());
            if (future != null) {
                future.complete(f.result());
            }
        }
    }

    private void complete(long requestId, String jobId, Exception error) {
        CompletableFuture<String> f = pendingSubmissions.remove(requestId);
        if (f != null) {
            if (error != null) {
                f.completeExceptionally(error);
            } else {
                f.complete(jobId);
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
        pendingSubmissions.values().forEach(f -> f.completeExceptionally(lost));
        results.values().forEach(f -> f.completeExceptionally(lost));
    }

    @Override
    public void close() {
        closed = true;
        connection.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
