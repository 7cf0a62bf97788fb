package dev.spindle.runtime.cli;

import dev.spindle.runtime.rest.ClusterView.JobSummary;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Prints {@code bin/run --list}: one line per job, running jobs first, tab-separated for scripts. */
final class JobListing {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private JobListing() {
    }

    static int print(List<JobSummary> jobs, PrintStream out) {
        out.println("JOB ID\tSTATUS\tSTARTED\tNAME");
        jobs.stream().filter(j -> !j.status().isTerminal()).forEach(j -> line(j, out));
        jobs.stream().filter(j -> j.status().isTerminal()).forEach(j -> line(j, out));
        return CliFrontend.SUCCESS;
    }

    private static void line(JobSummary job, PrintStream out) {
        String started = job.startTime() > 0 ? TIME.format(Instant.ofEpochMilli(job.startTime())) : "-";
        out.println(job.id() + "\t" + job.status() + "\t" + started + "\t" + job.name());
    }
}
