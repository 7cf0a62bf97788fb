package dev.spindle.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Packs a test class (with its nested classes) into a job jar, as a user would ship it. */
public final class TestJars {

    private TestJars() {
    }

    /** A jar of {@code mainClass} and its nested classes, with it as Main-Class, written into {@code directory}. */
    public static Path jarOf(Class<?> mainClass, Path directory) throws IOException, URISyntaxException {
        Path classesRoot = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packagePath = mainClass.getPackageName().replace('.', '/');
        String prefix = mainClass.getSimpleName();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        Path jar = directory.resolve(prefix + ".jar");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> classes = Files.list(classesRoot.resolve(packagePath))) {
            for (Path c : classes.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                out.putNextEntry(new JarEntry(packagePath + "/" + c.getFileName()));
                out.write(Files.readAllBytes(c));
                out.closeEntry();
            }
        }
        return jar;
    }
}
