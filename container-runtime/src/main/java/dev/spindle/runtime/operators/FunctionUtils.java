package dev.spindle.runtime.operators;

import dev.spindle.api.functions.Function;
import dev.spindle.api.functions.RichFunction;
import dev.spindle.api.functions.RuntimeContext;

/** Opens and closes user functions that have a lifecycle. */
public final class FunctionUtils {

    private FunctionUtils() {
    }

    public static void open(Function function, RuntimeContext context) throws Exception {
        if (function instanceof RichFunction rich) {
            rich.setRuntimeContext(context);
            rich.open();
        }
    }

    public static void close(Function function) throws Exception {
        if (function instanceof RichFunction rich) {
            rich.close();
        }
    }
}
