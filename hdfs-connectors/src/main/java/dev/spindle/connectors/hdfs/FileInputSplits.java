package dev.spindle.connectors.hdfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Cuts a file, or every visible file of a directory (names not starting with {@code .} or {@code _}),
 * into byte ranges: one per HDFS block, and at least as many as the parallelism asks for, but none
 * smaller than 1 MiB. An empty file gets one empty split. Stateless; called on the JobManager.
 */
public final class FileInputSplits {

    private static final long MIN_SPLIT = 1 << 20;

    private FileInputSplits() {
    }

    public static FileInputSplit[] create(String path, int minNumSplits) throws IOException {
        Path root = new Path(path);
        FileSystem fs = HadoopFileSystems.get(root);
        List<FileStatus> files = listFiles(fs, root);
        long total = files.stream().mapToLong(FileStatus::getLen).sum();
        long target = Math.max(MIN_SPLIT, total / Math.max(1, minNumSplits) + 1);
        List<FileInputSplit> splits = new ArrayList<>();
        for (FileStatus f : files) {
            long splitSize = Math.min(target, Math.max(MIN_SPLIT, f.getBlockSize()));
            long len = f.getLen();
            BlockLocation[] blocks = fs.getFileBlockLocations(f, 0, len);
            if (len == 0) {
                splits.add(new FileInputSplit(splits.size(), f.getPath().toString(), 0, 0, new String[0]));
                continue;
            }
            for (long start = 0; start < len; start += splitSize) {
                long size = Math.min(splitSize, len - start);
                String[] hosts = hosts(blocks, start);
                splits.add(new FileInputSplit(splits.size(), f.getPath().toString(), start, size, hosts));
            }
        }
        return splits.toArray(new FileInputSplit[0]);
    }

    /** The total length of the files {@link #create} would split, or -1 if they cannot be listed. */
    public static long totalLength(String path) {
        try {
            Path root = new Path(path);
            return listFiles(HadoopFileSystems.get(root), root).stream().mapToLong(FileStatus::getLen).sum();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static List<FileStatus> listFiles(FileSystem fs, Path root) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        try {
            FileStatus status = fs.getFileStatus(root);
            if (!status.isDirectory()) {
                files.add(status);
                return files;
            }
            for (FileStatus f : fs.listStatus(root)) {
                String name = f.getPath().getName();
                if (f.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                    files.add(f);
                }
            }
            return files;
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("Input path does not exist: " + fs.makeQualified(root));
        }
    }

    private static String[] hosts(BlockLocation[] blocks, long offset) throws IOException {
        for (BlockLocation b : blocks) {
            if (offset >= b.getOffset() && offset < b.getOffset() + b.getLength()) {
                return b.getHosts();
            }
        }
        return new String[0];
    }
}
