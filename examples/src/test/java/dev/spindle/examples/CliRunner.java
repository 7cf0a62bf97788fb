package dev.spindle.examples;

import dev.spindle.runtime.cli.CliFrontend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs bin/run's Java side in this JVM and captures what it prints on stdout and stderr. */
final class CliRunner {

    record Outcome(int exitCode, String stdout, String stderr) {
    }

    private CliRunner() {
    }

    static Outcome run(String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        int code = new CliFrontend(out, err).run(args);
        return new Outcome(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    }

    static String examplesJar() {
        String jar = System.getProperty("spindle.examples.jar");
        if (jar == null) {
            throw new IllegalStateException("spindle.examples.jar is not set (run through Maven's verify)");
        }
        return jar;
    }
}
