package dev.spindle.yarn.client;

import dev.spindle.runtime.config.Configuration;
import dev.spindle.yarn.YarnOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The file in which {@code bin/yarn-session} records the running session for later
 * {@code bin/run} calls: Java properties {@code applicationId}, {@code jobManagerAddress}
 * ({@code host:port}) and {@code restAddress} ({@code http://host:port}). Its place is the setting
 * {@code yarn.session.properties-file}, by default {@code ~/.spindle/yarn-session.properties}.
 */
final class YarnSessionFile {

    /** What the file holds. */
    record Session(String applicationId, String jobManagerAddress, String restAddress) {
    }

    private final Path path;

    private YarnSessionFile(Path path) {
        this.path = path;
    }

    static YarnSessionFile of(Configuration config) {
        String configured = config.get(YarnOptions.SESSION_PROPERTIES_FILE);
        return new YarnSessionFile(configured.isEmpty()
                ? Path.of(System.getProperty("user.home"), ".spindle", "yarn-session.properties")
                : Path.of(configured));
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.isRegularFile(path);
    }

    Optional<Session> read() throws IOException {
        if (!exists()) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            p.load(in);
        }
        String id = p.getProperty("applicationId", "").trim();
        if (id.isEmpty()) {
            throw new IOException(path + " has no applicationId");
        }
        return Optional.of(new Session(id, p.getProperty("jobManagerAddress", ""), p.getProperty("restAddress", "")));
    }

    void write(Session session) throws IOException {
        Properties p = new Properties();
        p.setProperty("applicationId", session.applicationId());
        p.setProperty("jobManagerAddress", session.jobManagerAddress());
        p.setProperty("restAddress", session.restAddress());
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(path.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "Spindle YARN session (written by bin/yarn-session, removed by bin/yarn-session --stop)");
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the file if it still names this application. */
    void deleteIfFor(String applicationId) {
        try {
            Optional<Session> current = read();
            if (current.isPresent() && current.get().applicationId().equals(applicationId)) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // An unreadable file is not ours to remove.
        }
    }
}
