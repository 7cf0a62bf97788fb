package dev.spindle.runtime.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * How a {@code bin/run} invocation ended, for schedulers: written as Java properties by
 * {@code --status-file} (keys applicationId, jobId, finalStatus, diagnostics). Thread-safe.
 */
public final class ProgramStatus {

    private String applicationId;
    private final List<String> jobIds = new ArrayList<>();
    private String finalStatus;
    private String diagnostics;

    public synchronized void setApplicationId(String applicationId) {
        this.applicationId = applicationId;
    }

    public synchronized String applicationId() {
        return applicationId;
    }

    public synchronized void addJobId(String jobId) {
        jobIds.add(jobId);
    }

    public synchronized void setFinalStatus(String finalStatus, String diagnostics) {
        this.finalStatus = finalStatus;
        this.diagnostics = diagnostics;
    }

    public synchronized String finalStatus() {
        return finalStatus;
    }

    public synchronized void write(Path file) throws IOException {
        Properties p = new Properties();
        if (applicationId != null) {
            p.setProperty("applicationId", applicationId);
        }
        if (!jobIds.isEmpty()) {
            p.setProperty("jobId", jobIds.get(jobIds.size() - 1));
            p.setProperty("jobIds", String.join(",", jobIds));
        }
        p.setProperty("finalStatus", finalStatus == null ? "UNDEFINED" : finalStatus);
        p.setProperty("diagnostics", diagnostics == null ? "" : diagnostics);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "Spindle program status");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
