package dev.spindle.runtime.memory;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The spill files of one component (a sorter, a hash table): creates them round-robin across the
 * temporary directories, opens writers and readers on them, and on {@link #close()} closes every
 * channel still open and deletes every file still present, whatever state the component failed in.
 * The owner calls {@code close()} in a {@code finally}, so nothing is left behind.
 *
 * <p>Used by the one thread of the owning component (the task thread); not thread-safe.
 */
public final class SpillFiles implements Closeable {

    private static final Logger LOG = LogManager.getLogger(SpillFiles.class);

    private final File[] directories;
    private final String namePrefix;
    private final Set<File> files = new LinkedHashSet<>();
    private final Set<Closeable> openChannels = Collections.newSetFromMap(new IdentityHashMap<>());
    private int nextDirectory;
    private int created;
    private boolean closed;

    /**
     * @param directories where spill files go, used in turn (several disks spread the I/O)
     * @param purpose a short name for the files, for example {@code sort}
     */
    public SpillFiles(File[] directories, String purpose) {
        if (directories == null || directories.length == 0) {
            throw new IllegalArgumentException("No temporary directories for spill files");
        }
        this.directories = directories.clone();
        this.namePrefix = "spindle-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        // Components start at different directories so that many small spillers use all disks.
        this.nextDirectory = ThreadLocalRandom.current().nextInt(directories.length);
    }

    /** A new, empty, registered file in the next directory. */
    public File newFile() throws IOException {
        checkOpen();
        File dir = directories[nextDirectory];
        nextDirectory = (nextDirectory + 1) % directories.length;
        if (!dir.isDirectory() && !dir.mkdirs() && !dir.isDirectory()) {
            throw new IOException("Cannot create the spill directory " + dir + " (check io.tmp.dirs)");
        }
        File file = new File(dir, namePrefix + created++ + ".spill");
        files.add(file);
        Files.createFile(file.toPath());
        return file;
    }

    /** A writer on a new spill file that buffers through {@code buffer}. */
    public SpillFileWriter createWriter(MemorySegment buffer) throws IOException {
        File file = newFile();
        SpillFileWriter writer = new SpillFileWriter(this, file, buffer.array());
        openChannels.add(writer);
        return writer;
    }

    /** A reader on a registered spill file that buffers through {@code buffer}. */
    public SpillFileReader openReader(File file, MemorySegment buffer) throws IOException {
        checkOpen();
        if (!files.contains(file)) {
            throw new IllegalArgumentException(file + " is not a spill file of this component");
        }
        SpillFileReader reader = new SpillFileReader(this, file, buffer.array());
        openChannels.add(reader);
        return reader;
    }

    void channelClosed(Closeable channel) {
        openChannels.remove(channel);
    }

    /** Deletes a file that is no longer needed (its channels must be closed). */
    public void delete(File file) {
        if (files.remove(file)) {
            deleteQuietly(file);
        }
    }

    /** Files created and not yet deleted. */
    public int liveFiles() {
        return files.size();
    }

    /** Files created since this registry was opened. */
    public int createdFiles() {
        return created;
    }

    /** Closes all open channels and deletes all files. Idempotent; never throws. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Closeable channel : new ArrayList<>(openChannels)) {
            try {
                channel.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing a spill channel failed", e);
            }
        }
        openChannels.clear();
        List<File> remaining = new ArrayList<>(files);
        files.clear();
        for (File file : remaining) {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(File file) {
        try {
            Files.deleteIfExists(file.toPath());
        } catch (IOException e) {
            LOG.warn("Could not delete spill file {}: {}", file, e.toString());
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Spill files were already closed");
        }
    }
}
