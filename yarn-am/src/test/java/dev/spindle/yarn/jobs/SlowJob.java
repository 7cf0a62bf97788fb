package dev.spindle.yarn.jobs;

import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.dataset.ExecutionEnvironment;
import java.io.File;
import java.io.IOException;

/**
 * Writes 1..RECORDS (default 4000: about 20 s at parallelism 2) slowly into OUTPUT, and touches
 * {@code MARKER_DIR/running-<subtask>} when a subtask starts working:
 * {@code SlowJob OUTPUT MARKER_DIR [RECORDS]}.
 */
public final class SlowJob {

    private SlowJob() {
    }

    public static void main(String[] args) throws Exception {
        ExecutionEnvironment env = ExecutionEnvironment.getExecutionEnvironment();
        long records = args.length > 2 ? Long.parseLong(args[2]) : 4000;
        env.generateSequence(1, records)
                .map(new Slow(args[1])).returns(Long.class)
                .rebalance()
                .writeAsText(args[0]);
        env.execute("Slow job");
    }

    /** Sleeps 10 ms per record; announces the first record with a marker file. */
    static final class Slow extends AbstractRichFunction implements MapFunction<Long, Long> {
        private final String markerDir;
        private transient boolean announced;

        Slow(String markerDir) {
            this.markerDir = markerDir;
        }

        @Override
        public Long map(Long value) throws IOException, InterruptedException {
            if (!announced) {
                announced = true;
                new File(markerDir, "running-" + getRuntimeContext().getIndexOfThisSubtask()).createNewFile();
            }
            Thread.sleep(10);
            return value;
        }
    }
}
