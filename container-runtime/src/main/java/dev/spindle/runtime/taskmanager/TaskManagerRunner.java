package dev.spindle.runtime.taskmanager;

import dev.spindle.runtime.config.Configuration;

/**
 * The main class of a TaskManager process:
 * {@code TaskManagerRunner <jobmanager-host> <jobmanager-port> [key=value | @file.properties]...}
 * (later settings win). Exits 0 when the JobManager shuts it down or goes away, 1 if it cannot start.
 */
public final class TaskManagerRunner {

    private TaskManagerRunner() {
    }

    /** A configuration from a Java properties file. */
    public static Configuration readProperties(String path) throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(path))) {
            p.load(in);
        }
        Configuration config = new Configuration();
        p.stringPropertyNames().forEach(k -> config.setString(k, p.getProperty(k)));
        return config;
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("Usage: TaskManagerRunner <jobmanager-host> <jobmanager-port> [key=value]...");
            System.exit(2);
        }
        Configuration config = new Configuration();
        try {
            for (int i = 2; i < args.length; i++) {
                if (args[i].startsWith("@")) {
                    config.addAll(readProperties(args[i].substring(1)));
                    continue;
                }
                int eq = args[i].indexOf('=');
                if (eq > 0) {
                    config.setString(args[i].substring(0, eq), args[i].substring(eq + 1));
                }
            }
        } catch (java.io.IOException e) {
            System.err.println("TaskManager cannot read its configuration: " + e.getMessage());
            System.exit(1);
        }
        int code = 0;
        try (TaskManager tm = new TaskManager(config, args[0], Integer.parseInt(args[1]))) {
            tm.start();
            tm.awaitTermination();
        } catch (Exception e) {
            System.err.println("TaskManager failed: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }
}
