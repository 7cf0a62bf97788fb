package dev.spindle.yarn.client;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The jars that make up Spindle's runtime on the cluster: the client's own classpath (bin/run puts
 * lib/ there), or an explicit list. Class directories (running from an IDE or a test) are packed
 * into jars so they can be shipped.
 */
final class RuntimeJars {

    private RuntimeJars() {
    }

    static List<Path> resolve(String explicitList) throws IOException {
        Set<Path> jars = new LinkedHashSet<>();
        String source = explicitList == null || explicitList.isBlank()
                ? System.getProperty("java.class.path") : explicitList.replace(',', File.pathSeparatorChar);
        for (String entry : source.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry.trim()).toAbsolutePath();
            if (Files.isDirectory(p)) {
                jars.add(packDirectory(p));
            } else if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
                jars.add(p);
            }
        }
        if (jars.isEmpty()) {
            throw new IOException("Found no runtime jars to ship (classpath: " + source + ")");
        }
        return new ArrayList<>(jars);
    }

    private static Path packDirectory(Path dir) throws IOException {
        Path jar = Files.createTempFile("spindle-classes-", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    JarEntry e = new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/'));
                    e.setTime(0);
                    out.putNextEntry(e);
                    Files.copy(f, out);
                    out.closeEntry();
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return jar;
    }
}
