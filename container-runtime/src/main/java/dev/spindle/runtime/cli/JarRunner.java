package dev.spindle.runtime.cli;

import dev.spindle.runtime.classloading.UserCodeClassLoaders;
import dev.spindle.runtime.client.ClusterClient;
import dev.spindle.runtime.client.JobExecutor;
import dev.spindle.runtime.client.JobExecutors;
import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.CoreOptions;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.rest.ClusterView;
import dev.spindle.runtime.rest.JarRunException;
import dev.spindle.runtime.util.ExceptionUtils;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs an uploaded job jar's main inside the JobManager process (for {@code POST /jars/{id}/run}):
 * in its own thread and classloader, with {@code getExecutionEnvironment()} bound to this
 * JobManager. The future completes with the id of the first job the program submits.
 */
public final class JarRunner {

    private JarRunner() {
    }

    public static CompletableFuture<String> run(ClusterView.JarRun request, String host, int port, Configuration config) {
        CompletableFuture<String> firstJob = new CompletableFuture<>();
        Thread thread = new Thread(() -> runProgram(request, host, port, config, firstJob),
                "spindle-program-" + request.jar().getFileName());
        thread.setDaemon(true);
        thread.start();
        return firstJob;
    }

    private static void runProgram(ClusterView.JarRun request, String host, int port, Configuration config,
                                   CompletableFuture<String> firstJob) {
        File jar = request.jar().toFile();
        Configuration jobConfig = new Configuration(config);
        if (request.parallelism() != null) {
            jobConfig.set(CoreOptions.DEFAULT_PARALLELISM, request.parallelism());
        }
        try (ClusterClient client = new ClusterClient(host, port)) {
            ClassLoader loader = UserCodeClassLoaders.create(List.of(jar.getAbsolutePath()),
                    JarRunner.class.getClassLoader(), jobConfig);
            Method main = MainClasses.find(request.entryClass(), jar, loader);
            JobExecutor executor = new SubmittingExecutor(client, jar, jobConfig, loader, firstJob);
            JobExecutors.installForThread(() -> executor);
            Thread.currentThread().setContextClassLoader(loader);
            main.invoke(null, (Object) request.programArgs().toArray(new String[0]));
            firstJob.completeExceptionally(new JarRunException("The program ended without running a job"));
        } catch (InvocationTargetException e) {
            firstJob.completeExceptionally(new JarRunException("The program failed: "
                    + ExceptionUtils.rootCause(e.getCause())));
        } catch (CliFrontend.UserError e) {
            firstJob.completeExceptionally(new JarRunException(e.getMessage()));
        } catch (Exception e) {
            firstJob.completeExceptionally(new JarRunException("Cannot run the jar: " + ExceptionUtils.rootCause(e)));
        }
    }

    /** Submits to this JobManager; reports the first job id as soon as the job is accepted. */
    private record SubmittingExecutor(ClusterClient client, File jar, Configuration config, ClassLoader loader,
                                      CompletableFuture<String> firstJob) implements JobExecutor {
        @Override
        public JobResult execute(JobGraph graph) throws Exception {
            // Shipped through the JobManager's jar store: TaskManagers on other machines fetch it from there.
            String id = client.submit(graph, List.of(client.uploadJar(jar.toPath())));
            firstJob.complete(id);
            return client.awaitResult(id);
        }

        @Override
        public int defaultParallelism() {
            int p = config.get(CoreOptions.DEFAULT_PARALLELISM);
            return p > 0 ? p : 1;
        }

        @Override
        public Configuration configuration() {
            return config;
        }

        @Override
        public ClassLoader userClassLoader() {
            return loader;
        }
    }
}
