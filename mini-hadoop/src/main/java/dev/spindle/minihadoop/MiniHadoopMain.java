package dev.spindle.minihadoop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * The Java side of {@code bin/mini-hadoop start}: {@code start --dir DIR [--nodemanagers N]} starts
 * a {@link MiniHadoop} under DIR in the foreground, writes the client configuration to DIR/conf and
 * DIR/mini-hadoop.properties (pid, addresses, start time), prints one line, and runs until DIR/stop
 * appears (then the whole cluster stops cleanly) or the JVM is asked to terminate (SIGTERM, Ctrl-C;
 * then a shutdown hook stops YARN and its containers, and HDFS ends with the JVM). Either way the
 * properties file is removed first. Exit codes: 0 stopped, 1 could not start, 2 bad usage.
 */
public final class MiniHadoopMain {

    static final String PROPERTIES_FILE = "mini-hadoop.properties";
    static final String STOP_FILE = "stop";
    static final String USAGE = "Usage: MiniHadoopMain start --dir DIR [--nodemanagers N]";

    /** Runs before Hadoop's own hook that closes cached FileSystems (priority 10). */
    private static final int SHUTDOWN_HOOK_PRIORITY = 100;

    private MiniHadoopMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        Path dir = arguments.dir();
        long startNanos = System.nanoTime();
        MiniHadoop hadoop;
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(STOP_FILE));
            Files.deleteIfExists(dir.resolve(PROPERTIES_FILE));
            hadoop = MiniHadoop.builder(dir).nodeManagers(arguments.nodeManagers()).start();
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            System.err.println("Error: could not start mini-hadoop in " + dir + ": " + e);
            return 1;
        }
        ShutdownHookManager.get().addShutdownHook(() -> {
            removeFiles(hadoop.baseDirectory());
            hadoop.closeOnJvmExit();
        }, SHUTDOWN_HOOK_PRIORITY, 60, TimeUnit.SECONDS);
        try {
            writeProperties(hadoop);
        } catch (IOException e) {
            System.err.println("Error: could not write " + dir.resolve(PROPERTIES_FILE) + ": " + e);
            stop(hadoop);
            return 1;
        }
        System.out.printf("mini-hadoop started in %.1f s: HDFS %s, ResourceManager %s (web http://%s), "
                        + "%d NodeManagers; HADOOP_CONF_DIR=%s%n",
                (System.nanoTime() - startNanos) / 1e9, hadoop.fileSystemUri(), hadoop.resourceManagerAddress(),
                hadoop.resourceManagerWebAddress(), hadoop.nodeManagerCount(), hadoop.configurationDirectory());
        System.out.flush();
        try {
            awaitStopFile(dir.resolve(STOP_FILE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("mini-hadoop stopping");
        stop(hadoop);
        return 0;
    }

    private static void awaitStopFile(Path stopFile) throws InterruptedException {
        while (!Files.exists(stopFile)) {
            Thread.sleep(500);
        }
    }

    private static void stop(MiniHadoop hadoop) {
        removeFiles(hadoop.baseDirectory());
        hadoop.close();
    }

    /** The properties file first: it advertises a usable cluster. */
    private static void removeFiles(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(PROPERTIES_FILE));
            Files.deleteIfExists(dir.resolve(STOP_FILE));
        } catch (IOException e) {
            System.err.println("Warning: " + e);
        }
    }

    private static void writeProperties(MiniHadoop hadoop) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("pid", Long.toString(ProcessHandle.current().pid()));
        properties.put("fs.defaultFS", hadoop.fileSystemUri().toString());
        properties.put("yarn.resourcemanager.address", hadoop.resourceManagerAddress());
        properties.put("yarn.resourcemanager.webapp.address", hadoop.resourceManagerWebAddress());
        properties.put("hadoop.conf.dir", hadoop.configurationDirectory().toString());
        properties.put("nodemanagers", Integer.toString(hadoop.nodeManagerCount()));
        properties.put("started", Instant.now().toString());
        StringBuilder text = new StringBuilder("# written by bin/mini-hadoop; removed when it stops\n");
        properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Path file = hadoop.baseDirectory().resolve(PROPERTIES_FILE);
        Path temporary = file.resolveSibling(PROPERTIES_FILE + ".tmp");
        Files.writeString(temporary, text);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The parsed command line. */
    record Arguments(Path dir, int nodeManagers) {

        static Arguments parse(String[] args) {
            if (args.length == 0 || !"start".equals(args[0])) {
                throw new IllegalArgumentException(args.length == 0 ? "no command" : "unknown command " + args[0]);
            }
            Path dir = null;
            int nodeManagers = 2;
            for (int i = 1; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--dir" -> dir = Paths.get(value).toAbsolutePath().normalize();
                    case "--nodemanagers" -> nodeManagers = parsePositive(option, value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("--dir is required");
            }
            return new Arguments(dir, nodeManagers);
        }

        private static int parsePositive(String option, String value) {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " must be a positive number, not " + value);
        }
    }
}
