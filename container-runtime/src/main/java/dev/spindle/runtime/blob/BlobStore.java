package dev.spindle.runtime.blob;

import dev.spindle.runtime.util.FileUtils;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The JobManager's store of job jars that clients shipped (from another machine, or uploaded
 * through REST): one file per content hash in a private directory, written atomically, served to
 * TaskManagers on request and removed when the JobManager closes. Thread-safe: files are written
 * under a temporary name and renamed, so concurrent puts of the same content are harmless.
 */
public final class BlobStore implements AutoCloseable {

    private final Path directory;

    public BlobStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** Stores the content and returns its reference ({@code blob:<sha-256>}). */
    public String put(byte[] content) throws IOException {
        String key = BlobKeys.keyOf(content);
        Path target = fileOf(key);
        if (!Files.exists(target)) {
            writeAtomically(directory, target, content);
        }
        return BlobKeys.reference(key);
    }

    /** The stored bytes of a key; a clear error if it was never stored. */
    public byte[] read(String key) throws IOException {
        try {
            return Files.readAllBytes(fileOf(key));
        } catch (NoSuchFileException e) {
            throw new IOException("The JobManager has no jar with hash " + key + "; was it uploaded?", e);
        }
    }

    /** Turns blob references into this store's local files; other paths stay as they are. */
    public List<String> localPaths(List<String> jarPaths) throws IOException {
        List<String> result = new ArrayList<>(jarPaths.size());
        for (String p : jarPaths) {
            if (!BlobKeys.isReference(p)) {
                result.add(p);
                continue;
            }
            Path file = fileOf(BlobKeys.keyOf(p));
            if (!Files.isRegularFile(file)) {
                throw new IOException("The JobManager has no jar " + p + "; upload it before submitting");
            }
            result.add(file.toString());
        }
        return result;
    }

    private Path fileOf(String key) {
        return directory.resolve(key + ".jar");
    }

    static void writeAtomically(Path directory, Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(directory, "incoming-", ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void close() {
        FileUtils.deleteRecursively(directory.toFile());
    }
}
