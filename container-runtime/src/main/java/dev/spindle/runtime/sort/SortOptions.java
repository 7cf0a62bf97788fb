package dev.spindle.runtime.sort;

import dev.spindle.runtime.config.ConfigOption;
import dev.spindle.runtime.config.OptionsHolder;

/** Settings of the external merge sort. */
public final class SortOptions implements OptionsHolder {

    public static final ConfigOption<Integer> MAX_FAN_IN = ConfigOption.intOption("taskmanager.sort.max-fan-in", 128,
            "Most sorted runs one merge reads at once (each needs a page of managed memory). More runs are "
                    + "first merged in extra passes.");

    private SortOptions() {
    }
}
