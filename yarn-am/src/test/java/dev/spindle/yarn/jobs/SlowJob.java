package dev.spindle.yarn.jobs;

import dev.spindle.dataset.ExecutionEnvironment;

/** Counts 1..N slowly (about 20 s at parallelism 2) into OUTPUT: {@code SlowJob OUTPUT}. */
public final class SlowJob {

    private SlowJob() {
    }

    public static void main(String[] args) throws Exception {
        ExecutionEnvironment env = ExecutionEnvironment.getExecutionEnvironment();
        env.generateSequence(1, 4000)
                .map(x -> {
                    Thread.sleep(10);
                    return x;
                }).returns(Long.class)
                .rebalance()
                .writeAsText(args[0]);
        env.execute("Slow job");
    }
}
