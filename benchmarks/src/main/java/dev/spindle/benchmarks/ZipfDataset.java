package dev.spindle.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Finds or creates the generated Zipf text file for a set of {@link BenchmarkOptions}. */
final class ZipfDataset {

    private ZipfDataset() {}

    /**
     * Returns {@link BenchmarkOptions#zipfTextFile()}, generating it first if it does not exist. The file
     * is written under a temporary name and renamed when complete, so an interrupted run never leaves
     * a truncated file that a later run would take for finished.
     */
    static Path ensure(BenchmarkOptions options, PrintStream out) throws IOException {
        Path file = options.zipfTextFile();
        if (Files.isRegularFile(file)) {
            out.printf("using existing %s (%s)%n", file, ByteSize.format(Files.size(file)));
            return file;
        }
        Files.createDirectories(options.dataDir());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        out.printf("generating %s (%s, seed %d) ...%n", file, options.size(), options.seed());
        long started = System.nanoTime();
        ZipfTextGenerator.GeneratedText text =
                new ZipfTextGenerator(options.seed()).generate(partial, options.size().bytes());
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        double seconds = Timing.secondsSince(started);
        out.printf("generated %s: %s, %,d lines, %,d words in %.2f s (%.0f MiB/s)%n", file,
                ByteSize.format(text.bytes()), text.lines(), text.words(), seconds,
                text.bytes() / (1024.0 * 1024.0) / seconds);
        return file;
    }
}
