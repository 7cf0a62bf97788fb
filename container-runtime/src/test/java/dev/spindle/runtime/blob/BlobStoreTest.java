package dev.spindle.runtime.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {

    @TempDir
    Path dir;

    private final byte[] jar = "not really a jar".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldStoreByContentHashAndResolveReferencesToLocalFiles() throws IOException {
        try (BlobStore store = new BlobStore(dir.resolve("store"))) {
            String ref = store.put(jar);
            assertEquals(ref, store.put(jar.clone()), "same content, same reference");
            assertTrue(BlobKeys.isReference(ref));
            List<String> local = store.localPaths(List.of(ref, "/plain/path.jar"));
            assertArrayEquals(jar, Files.readAllBytes(Path.of(local.get(0))));
            assertEquals("/plain/path.jar", local.get(1));
            assertArrayEquals(jar, store.read(BlobKeys.keyOf(ref)));
        }
        assertFalse(Files.exists(dir.resolve("store")), "closing removes the store");
    }

    @Test
    void shouldNameAMissingJarClearly() throws IOException {
        try (BlobStore store = new BlobStore(dir.resolve("store"))) {
            String missing = BlobKeys.reference(BlobKeys.keyOf(new byte[] {1}));
            IOException e = assertThrows(IOException.class, () -> store.localPaths(List.of(missing)));
            assertTrue(e.getMessage().contains("upload it before submitting"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> BlobKeys.keyOf("blob:../../etc/passwd"));
        }
    }

    @Test
    void shouldFetchEachJarOnceAndRejectCorruptedBytes() throws IOException {
        String key = BlobKeys.keyOf(jar);
        AtomicInteger fetches = new AtomicInteger();
        BlobCache cache = new BlobCache(dir.resolve("cache"), k -> {
            fetches.incrementAndGet();
            return CompletableFuture.completedFuture(jar);
        });
        String ref = BlobKeys.reference(key);
        List<String> first = cache.resolve(List.of(ref)).join();
        List<String> second = cache.resolve(List.of(ref, "other.jar")).join();
        assertEquals(1, fetches.get());
        assertEquals(first.get(0), second.get(0));
        assertEquals("other.jar", second.get(1));
        assertArrayEquals(jar, Files.readAllBytes(Path.of(first.get(0))));

        BlobCache corrupting = new BlobCache(dir.resolve("cache2"), k -> CompletableFuture.completedFuture(new byte[] {7}));
        CompletionException e = assertThrows(CompletionException.class, () -> corrupting.resolve(List.of(ref)).join());
        assertTrue(e.getCause().getMessage().contains("corrupted"), e.getCause().getMessage());
    }
}
