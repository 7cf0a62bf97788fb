package dev.spindle.runtime.jobmanager;

import dev.spindle.runtime.rest.ClusterView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The REST API's window into the JobManager: every call hops onto the JobManager's main thread
 * (where all its state lives) and completes a future there. Ended jobs are kept in a bounded archive.
 */
final class JobManagerClusterView implements ClusterView {

    private static final int ARCHIVE_SIZE = 200;

    private final Executor main;
    private final TaskManagerRegistry taskManagers;
    private final Map<String, JobMaster> jobs;
    private final Function<JarRun, CompletableFuture<String>> jarRunner;
    private final Runnable shutdown;
    // Main thread only.
    private final LinkedHashMap<String, JobDetails> archive = new LinkedHashMap<>();

    JobManagerClusterView(Executor main, TaskManagerRegistry taskManagers, Map<String, JobMaster> jobs,
                          Function<JarRun, CompletableFuture<String>> jarRunner, Runnable shutdown) {
        this.main = main;
        this.taskManagers = taskManagers;
        this.jobs = jobs;
        this.jarRunner = jarRunner;
        this.shutdown = shutdown;
    }

    /** Main thread: remembers how a job ended. */
    void archive(JobDetails details) {
        archive.put(details.id(), details);
        while (archive.size() > ARCHIVE_SIZE) {
            archive.remove(archive.keySet().iterator().next());
        }
    }

    private <T> CompletableFuture<T> onMain(Supplier<T> action) {
        CompletableFuture<T> f = new CompletableFuture<>();
        main.execute(() -> {
            try {
                f.complete(action.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public CompletableFuture<Overview> overview() {
        return onMain(() -> {
            int finished = 0;
            int failed = 0;
            int cancelled = 0;
            for (JobDetails d : archive.values()) {
                switch (d.status()) {
                    case FINISHED -> finished++;
                    case CANCELED -> cancelled++;
                    default -> failed++;
                }
            }
            return new Overview(taskManagers.all().size(), taskManagers.totalSlots(), taskManagers.freeSlots(),
                    jobs.size(), finished, failed, cancelled, version());
        });
    }

    private static String version() {
        String v = JobManager.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public CompletableFuture<List<JobSummary>> jobs() {
        return onMain(() -> {
            List<JobSummary> result = new ArrayList<>();
            for (JobMaster j : jobs.values()) {
                JobDetails d = j.details();
                result.add(new JobSummary(d.id(), d.name(), d.status(), d.startTime(), d.endTime()));
            }
            for (JobDetails d : archive.values()) {
                result.add(new JobSummary(d.id(), d.name(), d.status(), d.startTime(), d.endTime()));
            }
            return result;
        });
    }

    @Override
    public CompletableFuture<Optional<JobDetails>> job(String jobId) {
        return onMain(() -> {
            JobMaster running = jobs.get(jobId);
            return running != null ? Optional.of(running.details()) : Optional.ofNullable(archive.get(jobId));
        });
    }

    @Override
    public CompletableFuture<Boolean> cancelJob(String jobId) {
        return onMain(() -> {
            JobMaster job = jobs.get(jobId);
            if (job == null) {
                return archive.containsKey(jobId);
            }
            job.cancel();
            return true;
        });
    }

    @Override
    public CompletableFuture<List<TaskManagerInfo>> taskManagers() {
        return onMain(() -> taskManagers.all().stream()
                .map(r -> new TaskManagerInfo(r.id, r.host + ":" + r.dataPort, r.slots, r.freeSlots, r.lastHeartbeat))
                .toList());
    }

    @Override
    public CompletableFuture<String> runJar(JarRun request) {
        return jarRunner.apply(request);
    }

    @Override
    public CompletableFuture<Void> shutDown() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            shutdown.run();
            f.complete(null);
        }, "spindle-rest-shutdown");
        t.setDaemon(true);
        t.start();
        return f;
    }
}
