package dev.spindle.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times YARN deployment the way a user meets it: {@code bin/run -m yarn-cluster} on a local YARN +
 * HDFS ({@code bin/mini-hadoop}), from the command's start to the job running (the client's
 * "Job ... running in application_..." line: the ApplicationMaster is up and accepted the job) and to
 * its end, for a first and a second
 * submission (the second finds the runtime jars cached on HDFS); then the same for jobs submitted
 * to a session ({@code bin/yarn-session}), after timing the session's start.
 */
final class YarnDeployWorkload implements Workload {

    @Override
    public String name() {
        return "yarn-deploy";
    }

    @Override
    public String description() {
        return "time bin/run -m yarn-cluster of a small WordCount on bin/mini-hadoop, first and later submissions, "
                + "then bin/yarn-session and submissions to it";
    }

    @Override
    public void run(BenchmarkOptions options, PrintStream out) throws Exception {
        Path home = Path.of(System.getProperty("spindle.home", "."));
        Path miniDir = options.dataDir().toAbsolutePath().resolve("mini-hadoop");
        Path input = options.dataDir().toAbsolutePath().resolve("yarn-deploy-input.txt");
        Files.createDirectories(options.dataDir());
        Files.writeString(input, "to be or not to be that is the question\n".repeat(20_000));
        boolean started = exec(out, List.of(home.resolve("bin/mini-hadoop").toString(), "status", "--dir",
                miniDir.toString())) != 0;
        if (started && exec(out, List.of(home.resolve("bin/mini-hadoop").toString(), "start", "--dir",
                miniDir.toString())) != 0) {
            throw new IllegalStateException("bin/mini-hadoop did not start; see " + miniDir.resolve("mini-hadoop.log"));
        }
        try {
            long stamp = System.currentTimeMillis();
            for (int run = 1; run <= Math.max(2, options.runs()); run++) {
                List<String> cmd = List.of(home.resolve("bin/run").toString(), "-m", "yarn-cluster", "-p", "2", "-s", "2",
                        "-tm", "768", "-jm", "768", System.getProperty("spindle.examples.jar"), "--input",
                        "file://" + input, "--output", "/benchmark/yarn-deploy-" + stamp + "-" + run);
                long[] times = timeSubmission(cmd, miniDir.resolve("conf"));
                out.printf(Locale.ROOT, "yarn-deploy  submission %d  to-running=%.2f s  to-end=%.2f s%n", run,
                        times[0] / 1000.0, times[1] / 1000.0);
            }
            runSession(options, home, miniDir, input, stamp, out);
        } finally {
            if (started) {
                exec(out, List.of(home.resolve("bin/mini-hadoop").toString(), "stop", "--dir", miniDir.toString()));
            }
        }
    }

    /** Starts a session, times submissions to it, stops it. */
    private static void runSession(BenchmarkOptions options, Path home, Path miniDir, Path input, long stamp,
                                   PrintStream out) throws IOException, InterruptedException {
        String sessionFile = "yarn.session.properties-file=" + miniDir.resolve("session.properties");
        long start = System.currentTimeMillis();
        List<String> startCmd = List.of(home.resolve("bin/yarn-session").toString(), "-d", "-s", "2", "-tm", "768",
                "-jm", "768", "-D", sessionFile);
        if (exec(out, startCmd, miniDir.resolve("conf")) != 0) {
            throw new IllegalStateException("bin/yarn-session did not start");
        }
        out.printf(Locale.ROOT, "yarn-session start=%.2f s%n", (System.currentTimeMillis() - start) / 1000.0);
        try {
            for (int run = 1; run <= Math.max(2, options.runs()); run++) {
                List<String> cmd = List.of(home.resolve("bin/run").toString(), "-D", sessionFile, "-p", "2",
                        System.getProperty("spindle.examples.jar"), "--input", "file://" + input, "--output",
                        "/benchmark/yarn-session-" + stamp + "-" + run);
                long[] times = timeSubmission(cmd, miniDir.resolve("conf"));
                out.printf(Locale.ROOT, "yarn-session submission %d  to-running=%.2f s  to-end=%.2f s%n", run,
                        times[0] / 1000.0, times[1] / 1000.0);
            }
        } finally {
            exec(out, List.of(home.resolve("bin/yarn-session").toString(), "--stop", "-D", sessionFile),
                    miniDir.resolve("conf"));
        }
    }

    /** Runs one bin/run; returns ms to the line saying the job runs and ms to its exit. */
    private static long[] timeSubmission(List<String> cmd, Path hadoopConf) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("HADOOP_CONF_DIR", hadoopConf.toString());
        long start = System.currentTimeMillis();
        Process p = pb.start();
        long running = -1;
        List<String> output = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.add(line);
                if (running < 0 && line.startsWith("Job ") && (line.contains(" running in application_")
                        || line.contains(" submitted to YARN session "))) {
                    running = System.currentTimeMillis() - start;
                }
            }
        }
        int code = p.waitFor();
        long end = System.currentTimeMillis() - start;
        if (code != 0) {
            throw new IllegalStateException("bin/run failed with exit code " + code + ":\n" + String.join("\n", output));
        }
        return new long[] {running, end};
    }

    private static int exec(PrintStream out, List<String> cmd) throws IOException, InterruptedException {
        return exec(out, cmd, null);
    }

    private static int exec(PrintStream out, List<String> cmd, Path hadoopConf) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (hadoopConf != null) {
            pb.environment().put("HADOOP_CONF_DIR", hadoopConf.toString());
        }
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            r.lines().forEach(l -> out.println("  " + l));
        }
        return p.waitFor();
    }
}
