package dev.spindle.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JarStore}: names, ids and files. */
class RestJarStoreTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"../a.jar", "a/b.jar", "a\\b.jar", "..", "x..jar", "a.txt", "a.jar.zip", "", " "})
    void shouldRejectNamesWithPathsDotDotOrWithoutJarSuffix(String name) {
        RestException e = assertThrows(RestException.class, () -> JarStore.sanitize(name));
        assertEquals(400, e.status().code());
    }

    @Test
    void shouldSanitizeToASafeAlphabetAndBoundedLength() {
        assertEquals("A-z_0.9_____.JAR", JarStore.sanitize("A-z_0.9 ü:*?.JAR"));
        String longName = "x".repeat(195) + ".y" + "z".repeat(100) + ".jar";
        String sanitized = JarStore.sanitize(longName);
        assertEquals(JarStore.MAX_NAME_LENGTH, sanitized.length() + 1);
        assertTrue(sanitized.endsWith("x.jar"), sanitized);
        assertFalse(sanitized.contains(".."), sanitized);
    }

    @Test
    void shouldFindStoredJarsOnlyByWellFormedIds() throws Exception {
        JarStore store = new JarStore(tmp.resolve("up"));
        JarStore.StoredJar jar = store.store("job.jar", Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));

        assertEquals(jar, store.find(jar.id()).orElseThrow());
        assertEquals(3, jar.size());
        assertEquals(java.util.List.of(jar), store.list());
        assertTrue(store.find("../" + jar.id()).isEmpty());
        assertTrue(store.find(jar.id().toUpperCase()).isEmpty());
        assertFalse(JarStore.isWellFormedId("00000000-0000-0000-0000-000000000000_.."));
        assertFalse(JarStore.isWellFormedId(null));
    }

    @Test
    void shouldNotListTemporaryOrForeignFiles() throws Exception {
        JarStore store = new JarStore(tmp.resolve("up"));
        Files.write(store.dir().resolve(".1234.part"), new byte[1]);
        Files.write(store.dir().resolve("other.jar"), new byte[1]);
        Files.createDirectory(store.dir().resolve("00000000-0000-0000-0000-000000000000_dir.jar"));
        assertEquals(java.util.List.of(), store.list());
    }
}
