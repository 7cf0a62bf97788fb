package dev.spindle.api.functions;

/** Base class for rich functions: keeps the runtime context. */
public abstract class AbstractRichFunction implements RichFunction {

    private transient RuntimeContext runtimeContext;

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        this.runtimeContext = context;
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException("The runtime context is only available while the function runs");
        }
        return runtimeContext;
    }
}
