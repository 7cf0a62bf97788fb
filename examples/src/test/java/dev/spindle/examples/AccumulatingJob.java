package dev.spindle.examples;

import dev.spindle.api.accumulators.Histogram;
import dev.spindle.api.accumulators.IntCounter;
import dev.spindle.api.accumulators.ListAccumulator;
import dev.spindle.api.accumulators.LongCounter;
import dev.spindle.api.functions.RichMapFunction;
import dev.spindle.dataset.ExecutionEnvironment;

/**
 * A job that counts what it reads into accumulators: {@code AccumulatingJob INPUT OUTPUT} copies the
 * lines and registers {@code lines}, {@code characters}, a {@code line-lengths} histogram and the
 * {@code lengths} of all lines as a list.
 */
public final class AccumulatingJob {

    private AccumulatingJob() {
    }

    public static void main(String[] args) throws Exception {
        ExecutionEnvironment env = ExecutionEnvironment.getExecutionEnvironment();
        env.readTextFile(args[0]).map(new CountLines()).writeAsText(args[1]);
        env.execute("Accumulating job");
    }

    /** Passes lines through and counts them. */
    static final class CountLines extends RichMapFunction<String, String> {
        private transient IntCounter lines;
        private transient LongCounter characters;
        private transient Histogram lengths;
        private transient ListAccumulator<Integer> allLengths;

        @Override
        public void open() {
            lines = new IntCounter();
            characters = new LongCounter();
            lengths = new Histogram();
            allLengths = new ListAccumulator<>();
            getRuntimeContext().addAccumulator("lines", lines);
            getRuntimeContext().addAccumulator("characters", characters);
            getRuntimeContext().addAccumulator("line-lengths", lengths);
            getRuntimeContext().addAccumulator("lengths", allLengths);
        }

        @Override
        public String map(String line) {
            lines.add(1);
            characters.add(line.length());
            lengths.add(line.length());
            allLengths.add(line.length());
            return line;
        }
    }
}
