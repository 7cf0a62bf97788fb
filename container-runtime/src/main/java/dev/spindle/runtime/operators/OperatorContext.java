package dev.spindle.runtime.operators;

import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.runtime.config.Configuration;
import java.io.File;

/** What an operator can see of its task. Used from the task thread only. */
public interface OperatorContext extends RuntimeContext {

    /** The operator's display name (for example {@code FlatMap (Tokenizer)}). */
    String operatorName();

    Configuration jobConfiguration();

    /** Local directories for spill files; removed when the task ends. */
    File[] tempDirectories();
}
