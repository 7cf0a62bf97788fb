package dev.spindle.api.functions;

/** A function with a lifecycle: {@link #open} before the first record, {@link #close} after the last. */
public interface RichFunction extends Function {

    void setRuntimeContext(RuntimeContext context);

    RuntimeContext getRuntimeContext();

    default void open() throws Exception {
    }

    default void close() throws Exception {
    }
}
