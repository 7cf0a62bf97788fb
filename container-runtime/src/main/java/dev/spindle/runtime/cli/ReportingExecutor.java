package dev.spindle.runtime.cli;

import dev.spindle.runtime.client.ForwardingJobExecutor;
import dev.spindle.runtime.client.JobExecutor;
import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.jobgraph.JobGraph;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Wraps a target's executor: prints {@code jobId=...} on stdout when a job is submitted (for
 * schedulers that scrape it), one line on stderr when it ends, and records both in the program
 * status. After a job that finished (attached), it prints the job's accumulators on stdout, one
 * {@code name: value} line each, sorted by name (see {@link AccumulatorReport}).
 */
final class ReportingExecutor extends ForwardingJobExecutor {

    private final CliContext context;

    ReportingExecutor(JobExecutor delegate, CliContext context) {
        super(delegate);
        this.context = context;
    }

    @Override
    public JobResult execute(JobGraph graph) throws Exception {
        PrintStream out = context.out();
        out.println("jobId=" + graph.jobId());
        out.flush();
        context.status().addJobId(graph.jobId());
        JobResult result = delegate.execute(graph);
        if (result.isDetached()) {
            context.err().printf("Job '%s' submitted (detached)%n", result.jobName());
        } else {
            context.err().printf("Job '%s' %s in %.2f s%n", result.jobName(),
                    result.status().name().toLowerCase(Locale.ROOT), result.durationMillis() / 1000.0);
            context.err().flush();
            if (result.isSuccess()) {
                AccumulatorReport.lines(result, context.userClassLoader()).forEach(out::println);
                out.flush();
            }
        }
        return result;
    }
}
