package dev.spindle.examples.wordcount;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.FlatMapFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.connectors.hdfs.TextOutputFormat;
import dev.spindle.dataset.ExecutionEnvironment;
import dev.spindle.examples.util.ExampleArgs;

/**
 * Counts words: {@code WordCount --input PATH --output PATH [--parallelism N]}. Words are the
 * tokens of each line split on single spaces (empty tokens are skipped); the output directory gets
 * {@code word<TAB>count} lines. Input and output may be local paths, file:// or hdfs:// URIs.
 */
public final class WordCount {

    private WordCount() {
    }

    public static void main(String[] args) throws Exception {
        ExampleArgs params = ExampleArgs.parse(args, "WordCount --input PATH --output PATH [--parallelism N]");
        ExecutionEnvironment env = ExecutionEnvironment.getExecutionEnvironment();
        params.optionalInt("parallelism").ifPresent(env::setParallelism);

        env.readTextFile(params.required("input"))
                .flatMap(new Tokenizer())
                .groupBy(0)
                .sum(1)
                .writeAsFormattedText(params.required("output"), TextOutputFormat.WriteMode.NO_OVERWRITE,
                        wordAndCount -> wordAndCount.f0 + "\t" + wordAndCount.f1);
        env.execute("WordCount");
    }

    /** Splits a line into (word, 1) pairs. */
    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        @Override
        public void flatMap(String line, Collector<Tuple2<String, Integer>> out) {
            int start = 0;
            int length = line.length();
            while (start <= length) {
                int end = line.indexOf(' ', start);
                if (end < 0) {
                    end = length;
                }
                if (end > start) {
                    out.collect(new Tuple2<>(line.substring(start, end), 1));
                }
                start = end + 1;
            }
        }
    }
}
