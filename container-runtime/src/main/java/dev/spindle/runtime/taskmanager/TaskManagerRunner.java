package dev.spindle.runtime.taskmanager;

import dev.spindle.runtime.config.Configuration;

/**
 * The main class of a TaskManager process:
 * {@code TaskManagerRunner <jobmanager-host> <jobmanager-port> [key=value]...}.
 * Exits 0 when the JobManager shuts it down or goes away, 1 if it cannot start.
 */
public final class TaskManagerRunner {

    private TaskManagerRunner() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("Usage: TaskManagerRunner <jobmanager-host> <jobmanager-port> [key=value]...");
            System.exit(2);
        }
        Configuration config = new Configuration();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq > 0) {
                config.setString(args[i].substring(0, eq), args[i].substring(eq + 1));
            }
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
