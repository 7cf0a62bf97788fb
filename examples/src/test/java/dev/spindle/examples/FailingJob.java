package dev.spindle.examples;

import dev.spindle.dataset.ExecutionEnvironment;

/** A job whose map function throws on the line "bad": {@code FailingJob INPUT OUTPUT}. */
public final class FailingJob {

    private FailingJob() {
    }

    public static void main(String[] args) throws Exception {
        ExecutionEnvironment env = ExecutionEnvironment.getExecutionEnvironment();
        env.readTextFile(args[0])
                .map(line -> {
                    if (line.equals("bad")) {
                        throw new IllegalStateException("cannot handle record '" + line + "'");
                    }
                    return line.toUpperCase();
                })
                .name("Map (upper-case)")
                .writeAsText(args[1]);
        env.execute("Failing job");
    }
}
