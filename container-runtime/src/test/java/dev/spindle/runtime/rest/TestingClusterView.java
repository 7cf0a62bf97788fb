package dev.spindle.runtime.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link ClusterView} whose answers the test sets up front and whose calls it records. Fields
 * may be set from the test thread and read from Netty threads, hence the concurrent collections
 * and volatile fields. Answers complete immediately unless a test swaps in its own behaviour.
 */
final class TestingClusterView implements ClusterView {

    volatile Overview overview = new Overview(2, 8, 3, 1, 4, 2, 1, "0.1.0-test");
    final List<JobSummary> jobs = new CopyOnWriteArrayList<>();
    final Map<String, JobDetails> jobDetails = new ConcurrentHashMap<>();
    final List<TaskManagerInfo> taskManagers = new CopyOnWriteArrayList<>();

    /** Replaces {@link #jobs()} wholesale, e.g. to throw or never answer. */
    volatile Supplier<CompletableFuture<List<JobSummary>>> jobsBehaviour =
            () -> CompletableFuture.completedFuture(new ArrayList<>(jobs));
    volatile Function<JarRun, CompletableFuture<String>> runJarBehaviour =
            run -> CompletableFuture.completedFuture("job-" + run.jar().getFileName().toString().hashCode());

    final List<String> cancelRequests = new CopyOnWriteArrayList<>();
    final List<JarRun> runRequests = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> shutDownRequested = new CompletableFuture<>();
    /** Runs inside {@link #shutDown()}, on the calling (Netty) thread. */
    volatile Runnable onShutDown = () -> { };

    @Override
    public CompletableFuture<Overview> overview() {
        return CompletableFuture.completedFuture(overview);
    }

    @Override
    public CompletableFuture<List<JobSummary>> jobs() {
        return jobsBehaviour.get();
    }

    @Override
    public CompletableFuture<Optional<JobDetails>> job(String jobId) {
        return CompletableFuture.completedFuture(Optional.ofNullable(jobDetails.get(jobId)));
    }

    @Override
    public CompletableFuture<Boolean> cancelJob(String jobId) {
        cancelRequests.add(jobId);
        return CompletableFuture.completedFuture(jobDetails.containsKey(jobId));
    }

    @Override
    public CompletableFuture<List<TaskManagerInfo>> taskManagers() {
        return CompletableFuture.completedFuture(List.copyOf(taskManagers));
    }

    @Override
    public CompletableFuture<String> runJar(JarRun request) {
        runRequests.add(request);
        return runJarBehaviour.apply(request);
    }

    @Override
    public CompletableFuture<Void> shutDown() {
        onShutDown.run();
        shutDownRequested.complete(null);
        return CompletableFuture.completedFuture(null);
    }
}
