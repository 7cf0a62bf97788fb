package dev.spindle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File-system helpers shared by the workloads: listing a job's part files, clearing an output directory. */
final class BenchmarkFiles {

    private BenchmarkFiles() {
    }

    /** The data files of a directory (hidden and in-progress files, {@code .*} and {@code _*}, left out), by name. */
    static List<Path> parts(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().startsWith("_")).sorted().toList();
        }
    }

    /** A file itself, or the data files of a directory as {@link #parts} lists them. */
    static List<Path> fileOrParts(Path path) throws IOException {
        return Files.isDirectory(path) ? parts(path) : List.of(path);
    }

    /** Deletes a file or a directory tree; nothing happens if it does not exist. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(path)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.delete(p);
        }
    }
}
