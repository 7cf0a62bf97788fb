package dev.spindle.runtime.jobmanager;

import dev.spindle.runtime.config.ConfigOption;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.OptionsHolder;

/**
 * Decides whether a job whose task failed (or whose TaskManager was lost) starts over, and after
 * how long. One instance per job; JobManager main thread only.
 */
public interface RestartStrategy {

    boolean canRestart();

    /** Counts one restart and returns the delay before it. */
    long nextDelayMillis();

    /** The kinds of strategy. */
    enum Kind { FIXED_DELAY, NONE }

    /** The settings, declared next to the strategies they pick. */
    final class Options implements OptionsHolder {
        public static final ConfigOption<Kind> STRATEGY = ConfigOption.enumOption("restart-strategy", Kind.class,
                Kind.FIXED_DELAY, "What happens when a task fails or a TaskManager is lost: FIXED_DELAY restarts the "
                        + "job up to a number of times, NONE fails it at once. Failures while preparing a job "
                        + "(missing input, existing output) never restart.");

        public static final ConfigOption<Integer> ATTEMPTS = ConfigOption.intOption(
                "restart-strategy.fixed-delay.attempts", 3, "Restarts before the job fails for good.");

        public static final ConfigOption<Long> DELAY = ConfigOption.longOption("restart-strategy.fixed-delay.delay-ms",
                1000, "Pause before each restart.");

        private Options() {
        }
    }

    static RestartStrategy from(Configuration config) {
        if (config.get(Options.STRATEGY) == Kind.NONE) {
            return new FixedDelay(0, 0);
        }
        return new FixedDelay(config.get(Options.ATTEMPTS), config.get(Options.DELAY));
    }

    /** Up to {@code attempts} restarts, each after {@code delayMillis}. */
    final class FixedDelay implements RestartStrategy {
        private final int attempts;
        private final long delayMillis;
        private int used;

        FixedDelay(int attempts, long delayMillis) {
            this.attempts = attempts;
            this.delayMillis = delayMillis;
        }

        @Override
        public boolean canRestart() {
            return used < attempts;
        }

        @Override
        public long nextDelayMillis() {
            used++;
            return delayMillis;
        }
    }
}
