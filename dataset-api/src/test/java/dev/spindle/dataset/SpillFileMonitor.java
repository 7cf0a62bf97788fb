package dev.spindle.dataset;

import java.io.File;
import java.util.HashSet;
import java.util.Set;

/**
 * Watches a directory tree (a TaskManager's {@code io.tmp.dirs}) for spill files while a job runs:
 * polls every few milliseconds and remembers the largest total size of spill files of one kind
 * ({@code spindle-join-*.spill}, {@code spindle-sort-*.spill}) present at once and how many files of
 * each kind it saw. {@link #spillFiles} lists what is there now.
 */
public final class SpillFileMonitor implements AutoCloseable {

    private final File root;
    private final Thread thread;
    private final Set<String> seen = new HashSet<>();
    private long peakJoinBytes;
    private long peakSortBytes;
    private volatile boolean stopped;

    private SpillFileMonitor(File root) {
        this.root = root;
        this.thread = new Thread(this::poll, "spill-file-monitor");
        this.thread.setDaemon(true);
    }

    public static SpillFileMonitor start(File root) {
        SpillFileMonitor monitor = new SpillFileMonitor(root);
        monitor.thread.start();
        return monitor;
    }

    private void poll() {
        while (!stopped) {
            long join = 0;
            long sort = 0;
            for (File f : spillFiles(root)) {
                long length = f.length();
                if (f.getName().startsWith("spindle-join-")) {
                    join += length;
                } else if (f.getName().startsWith("spindle-sort-")) {
                    sort += length;
                }
                synchronized (this) {
                    seen.add(f.getName());
                }
            }
            synchronized (this) {
                peakJoinBytes = Math.max(peakJoinBytes, join);
                peakSortBytes = Math.max(peakSortBytes, sort);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The largest total size of join spill files (hash partitions, flag files, spilled key groups) at one time. */
    public synchronized long peakJoinBytes() {
        return peakJoinBytes;
    }

    /** The largest total size of sorted runs at one time. */
    public synchronized long peakSortBytes() {
        return peakSortBytes;
    }

    /** Spill files seen whose name starts with {@code prefix}. */
    public synchronized long filesSeen(String prefix) {
        return seen.stream().filter(n -> n.startsWith(prefix)).count();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join();
    }

    /** The spill files under {@code dir} now (files may vanish while it looks). */
    public static Set<File> spillFiles(File dir) {
        Set<File> found = new HashSet<>();
        collect(dir, found);
        return found;
    }

    private static void collect(File dir, Set<File> found) {
        File[] children = dir.listFiles();
        if (children == null) {
            return;
        }
        for (File child : children) {
            if (child.isDirectory()) {
                collect(child, found);
            } else if (child.getName().endsWith(".spill")) {
                found.add(child);
            }
        }
    }
}
