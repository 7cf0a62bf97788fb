package dev.spindle.connectors.hdfs;

import dev.spindle.runtime.iteration.SnapshotStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Iteration snapshots in a directory of any Hadoop file system ({@code hdfs://}, {@code file://}). */
public final class HadoopSnapshotStore implements SnapshotStore {

    private final String directory;

    /** @param directory a URI or path; a path without scheme resolves against Hadoop's default file system */
    public HadoopSnapshotStore(String directory) {
        this.directory = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
    }

    private Path path(String relative) {
        return new Path(directory + "/" + relative);
    }

    private FileSystem fs() throws IOException {
        return HadoopFileSystems.get(new Path(directory));
    }

    @Override
    public OutputStream create(String relative) throws IOException {
        return fs().create(path(relative), true);
    }

    @Override
    public InputStream open(String relative) throws IOException {
        return fs().open(path(relative));
    }

    @Override
    public boolean exists(String relative) throws IOException {
        return fs().exists(path(relative));
    }

    @Override
    public void rename(String from, String to) throws IOException {
        FileSystem fs = fs();
        fs.delete(path(to), false);
        if (!fs.rename(path(from), path(to))) {
            throw new IOException("Cannot rename " + describe(from) + " to " + describe(to));
        }
    }

    @Override
    public void delete(String relative) throws IOException {
        fs().delete(path(relative), true);
    }

    @Override
    public String describe(String relative) {
        return path(relative).toString();
    }

    @Override
    public String toString() {
        return directory;
    }
}
