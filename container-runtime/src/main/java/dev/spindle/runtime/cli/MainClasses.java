package dev.spindle.runtime.cli;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.jar.JarFile;

/** Finds the {@code main} method a job jar names (or the one given with {@code -c}). */
final class MainClasses {

    private MainClasses() {
    }

    static Method find(String mainClass, File jar, ClassLoader loader) {
        String className = mainClass != null ? mainClass : manifestMainClass(jar);
        Class<?> clazz;
        try {
            clazz = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new CliFrontend.UserError("Main class " + className + " not found in " + jar.getName(), e);
        }
        try {
            Method main = clazz.getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                throw new NoSuchMethodException();
            }
            return main;
        } catch (NoSuchMethodException e) {
            throw new CliFrontend.UserError("Class " + className + " has no 'public static void main(String[])'", e);
        }
    }

    private static String manifestMainClass(File jar) {
        try (JarFile jf = new JarFile(jar)) {
            String main = jf.getManifest() == null ? null : jf.getManifest().getMainAttributes().getValue("Main-Class");
            if (main == null || main.isBlank()) {
                throw new CliFrontend.UserError("The jar " + jar.getName() + " names no Main-Class; give one with -c", null);
            }
            return main.trim();
        } catch (IOException e) {
            throw new CliFrontend.UserError("Cannot read jar " + jar.getAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
