package dev.spindle.runtime.rest;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The upload directory. A jar is stored as {@code <uuid>_<name>.jar}, where the name is the
 * client's file name restricted to {@code [A-Za-z0-9._-]}; that stored file name is the jar's id.
 * Client-supplied names and ids are checked so that no path ever leaves the directory. Files are
 * written under a temporary name and renamed, so listings never show half-written jars.
 * Stateless apart from the directory; safe from any thread.
 */
final class JarStore {

    static final int MAX_NAME_LENGTH = 200;

    private static final Pattern ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_[A-Za-z0-9._-]{1," + MAX_NAME_LENGTH + "}");
    private static final int UUID_PREFIX = 37;

    /** One uploaded jar; {@code name} is the sanitized original name, {@code uploadTime} epoch millis. */
    record StoredJar(String id, String name, Path path, long size, long uploadTime) {
    }

    private final Path dir;

    JarStore(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir).toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    /** Stores a jar under a fresh id; throws {@link RestException} (400) for an unacceptable name. */
    StoredJar store(String originalName, ByteBuf content) throws IOException {
        String name = sanitize(originalName);
        String id = UUID.randomUUID() + "_" + name;
        Path target = inside(id);
        Path temp = inside("." + UUID.randomUUID() + ".part");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuf slice = content.slice();
            while (slice.isReadable()) {
                slice.readBytes(out, slice.readableBytes());
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return describe(id, target);
    }

    /** The jar with this id, or empty if there is none or the id is not a well-formed jar id. */
    Optional<StoredJar> find(String id) throws IOException {
        if (!isWellFormedId(id)) {
            return Optional.empty();
        }
        Path path = inside(id);
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(describe(id, path));
    }

    /** All stored jars, newest first. */
    List<StoredJar> list() throws IOException {
        List<StoredJar> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                String id = path.getFileName().toString();
                if (isWellFormedId(id) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    describeIfPresent(id, path, jars);
                }
            }
        }
        jars.sort(Comparator.comparingLong(StoredJar::uploadTime).reversed().thenComparing(StoredJar::id));
        return jars;
    }

    /**
     * The name a client's file is stored under (after the id prefix), or {@link RestException} if
     * the name is missing, not a .jar, or contains path separators or "..".
     */
    static String sanitize(String originalName) {
        if (originalName == null || originalName.isBlank()) {
            throw RestException.badRequest("The uploaded file has no file name");
        }
        if (originalName.contains("/") || originalName.contains("\\") || originalName.contains("..")) {
            throw RestException.badRequest("Invalid jar file name '" + originalName
                    + "': it must not contain path separators or '..'");
        }
        if (!originalName.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            throw RestException.badRequest("Only .jar files can be uploaded, not '" + originalName + "'");
        }
        String name = originalName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH - 4).replaceAll("\\.+$", "") + ".jar";
        }
        return name;
    }

    static boolean isWellFormedId(String id) {
        return id != null && ID.matcher(id).matches() && !id.contains("..");
    }

    /** Resolves a single file name in the directory, refusing anything that would land elsewhere. */
    private Path inside(String fileName) {
        Path path = dir.resolve(fileName).normalize();
        if (!dir.equals(path.getParent())) {
            throw new IllegalArgumentException("File name escapes the upload directory: " + fileName);
        }
        return path;
    }

    private static StoredJar describe(String id, Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        return new StoredJar(id, id.substring(UUID_PREFIX), path, attributes.size(),
                attributes.lastModifiedTime().toMillis());
    }

    /** Tolerates a jar deleted between listing and reading its attributes. */
    private static void describeIfPresent(String id, Path path, List<StoredJar> out) throws IOException {
        try {
            out.add(describe(id, path));
        } catch (NoSuchFileException e) {
            // deleted concurrently: not listed
        }
    }
}
