package dev.spindle.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.client.JobStatus;
import dev.spindle.runtime.client.JobExecutor;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.util.InstantiationUtil;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AccumulatorReportTest {

    @Test
    void shouldPrintOneSortedLinePerUserAccumulator() {
        Map<String, Object> values = new HashMap<>();
        values.put("records", 12L);
        values.put("lengths", new TreeMap<>(Map.of(3, 2, 1, 5)));
        values.put("bad lines", 0);
        values.put(JobResult.INTERNAL_ACCUMULATOR_PREFIX + "collect_3", new ArrayList<>(List.of(new byte[10])));

        assertEquals(List.of("bad lines: 0", "lengths: {1=5, 3=2}", "records: 12"), AccumulatorReport.lines(values));
    }

    @Test
    void shouldAbbreviateLongValuesToOneShortLine() {
        List<Integer> many = IntStream.range(0, 1000).boxed().toList();
        Map<Integer, Integer> wide = new TreeMap<>();
        many.forEach(i -> wide.put(i, i));

        assertEquals("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... (1000 elements)]", AccumulatorReport.format(new ArrayList<>(many)));
        assertEquals("{0=0, 1=1, 2=2, 3=3, 4=4, 5=5, 6=6, 7=7, 8=8, 9=9, ... (1000 entries)}",
                AccumulatorReport.format(wide));
        assertEquals("[1, 2, 3]", AccumulatorReport.format(new long[] {1, 2, 3}));
        assertEquals("two\\nlines", AccumulatorReport.format("two\nlines"));
        String longText = "x".repeat(500);
        assertEquals("x".repeat(AccumulatorReport.MAX_CHARS) + "... (500 chars)", AccumulatorReport.format(longText));
    }

    @Test
    void shouldPrintAccumulatorsOnStdoutAfterTheStatusLineOfAFinishedJobOnly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, Serializable> accumulators = new HashMap<>(Map.of("lines", 7L, "words", 42L));
        JobResult finished = new JobResult("f00d", "counting", JobStatus.FINISHED, 1500,
                InstantiationUtil.serialize(accumulators), null, null);
        JobResult failed = new JobResult("bad", "failing", JobStatus.FAILED, 10,
                InstantiationUtil.serialize(accumulators), null, "boom");
        CliContext context = new CliContext(new Configuration(), null, getClass().getClassLoader(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, false, new ProgramStatus());

        new ReportingExecutor(new TestingExecutor(finished), context).execute(graph("f00d"));
        new ReportingExecutor(new TestingExecutor(failed), context).execute(graph("bad"));

        assertEquals("jobId=f00d\nlines: 7\nwords: 42\njobId=bad\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("Job 'counting' finished in 1.50 s\nJob 'failing' failed in 0.01 s\n",
                err.toString(StandardCharsets.UTF_8));
    }

    private static JobGraph graph(String id) {
        return new JobGraph(id, "job " + id, new Configuration());
    }

    /** Returns a fixed result. */
    private static final class TestingExecutor implements JobExecutor {
        private final JobResult result;

        TestingExecutor(JobResult result) {
            this.result = result;
        }

        @Override
        public JobResult execute(JobGraph graph) {
            return result;
        }

        @Override
        public int defaultParallelism() {
            return 1;
        }

        @Override
        public Configuration configuration() {
            return new Configuration();
        }
    }
}
