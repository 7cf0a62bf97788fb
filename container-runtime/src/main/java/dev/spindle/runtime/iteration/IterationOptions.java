package dev.spindle.runtime.iteration;

import dev.spindle.runtime.config.ConfigOption;
import dev.spindle.runtime.config.OptionsHolder;

/** The settings of iterations' superstep snapshots. */
public final class IterationOptions implements OptionsHolder {

    public static final ConfigOption<Integer> SNAPSHOT_INTERVAL = ConfigOption.intOption(
            "iteration.snapshot.interval", 0, "Every how many supersteps an iteration writes a snapshot of its state "
                    + "(partial solution, or solution set and workset) to iteration.snapshot.dir; after a failure "
                    + "the job resumes from the latest complete snapshot instead of superstep 1. 0 turns "
                    + "snapshots off.");

    public static final ConfigOption<String> SNAPSHOT_DIR = ConfigOption.stringOption("iteration.snapshot.dir", "",
            "Where iterations write superstep snapshots: a file:// or hdfs:// directory reachable from every "
            + "TaskManager and the JobManager (each job uses a subdirectory named by its id, deleted when the job "
            + "ends).");

    private IterationOptions() {
    }
}
