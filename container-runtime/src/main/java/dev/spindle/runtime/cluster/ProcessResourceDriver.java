package dev.spindle.runtime.cluster;

import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.taskmanager.TaskManagerRunner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs each TaskManager as a separate JVM on this machine, with this JVM's classpath; its output
 * goes to {@code taskmanager-N.log} in the cluster's log directory. Used by tests so that the
 * shuffle really crosses process boundaries over Netty.
 */
public final class ProcessResourceDriver implements ResourceDriver {

    private final Configuration config;
    private final File logDirectory;
    private final List<Process> processes = new ArrayList<>();

    public ProcessResourceDriver(Configuration config, File logDirectory) {
        this.config = config;
        this.logDirectory = logDirectory;
    }

    @Override
    public synchronized void requestWorkers(int count, String host, int port) throws IOException {
        Files.createDirectories(logDirectory.toPath());
        for (int i = 0; i < count; i++) {
            File log = new File(logDirectory, "taskmanager-" + processes.size() + ".log");
            ProcessBuilder pb = new ProcessBuilder(command(host, port, log));
            pb.redirectErrorStream(true);
            pb.redirectOutput(log);
            processes.add(pb.start());
        }
    }

    private List<String> command(String host, int port, File log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String opt : config.get(LocalClusterOptions.TASK_MANAGER_JVM_OPTIONS).trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                cmd.add(opt);
            }
        }
        cmd.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        cmd.add("--add-opens=java.base/java.util=ALL-UNNAMED");
        cmd.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        String log4j = System.getProperty("log4j2.configurationFile");
        if (log4j != null) {
            cmd.add("-Dlog4j2.configurationFile=" + log4j);
        }
        cmd.add("-Dspindle.log.file=" + log.getAbsolutePath());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(TaskManagerRunner.class.getName());
        cmd.add(host);
        cmd.add(Integer.toString(port));
        for (Map.Entry<String, String> e : config.toMap().entrySet()) {
            cmd.add(e.getKey() + "=" + e.getValue());
        }
        return cmd;
    }

    /** The running TaskManager processes (tests kill one to simulate a crash). */
    public synchronized List<Process> processes() {
        return List.copyOf(processes);
    }

    @Override
    public synchronized void close() {
        for (Process p : processes) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroy();
                    if (!p.waitFor(5, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
