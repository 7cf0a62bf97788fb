package dev.spindle.runtime.blob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A TaskManager's copy of the job jars it was told to load as {@code blob:} references: the first
 * task that needs a jar fetches it from the JobManager (one fetch per jar, however many tasks wait
 * for it), checks its hash and keeps it in the TaskManager's directory. Thread-safe; futures
 * complete on the thread that delivers the fetched bytes.
 */
public final class BlobCache {

    private final Path directory;
    private final Function<String, CompletableFuture<byte[]>> fetcher;
    private final Map<String, CompletableFuture<Path>> files = new ConcurrentHashMap<>();

    /** {@code fetcher} asks the JobManager for the bytes of a key. */
    public BlobCache(Path directory, Function<String, CompletableFuture<byte[]>> fetcher) {
        this.directory = directory;
        this.fetcher = fetcher;
    }

    /** Local paths for the given jar paths, fetching blobs this TaskManager does not have yet. */
    public CompletableFuture<List<String>> resolve(List<String> jarPaths) {
        List<CompletableFuture<Path>> parts = new ArrayList<>();
        for (String p : jarPaths) {
            parts.add(BlobKeys.isReference(p) ? file(BlobKeys.keyOf(p)) : CompletableFuture.completedFuture(Path.of(p)));
        }
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture[0]))
                .thenApply(ignored -> parts.stream().map(f -> f.join().toString()).toList());
    }

    private CompletableFuture<Path> file(String key) {
        CompletableFuture<Path> f = files.computeIfAbsent(key, k -> fetcher.apply(k).thenApply(bytes -> store(k, bytes)));
        f.whenComplete((path, error) -> {
            if (error != null) {
                files.remove(key, f);
            }
        });
        return f;
    }

    private Path store(String key, byte[] content) {
        String actual = BlobKeys.keyOf(content);
        if (!actual.equals(key)) {
            throw new IllegalStateException("Jar " + key + " arrived corrupted (hash " + actual + ")");
        }
        Path target = directory.resolve(key + ".jar");
        try {
            Files.createDirectories(directory);
            BlobStore.writeAtomically(directory, target, content);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store jar " + key + " in " + directory + ": " + e.getMessage(), e);
        }
        return target;
    }
}
