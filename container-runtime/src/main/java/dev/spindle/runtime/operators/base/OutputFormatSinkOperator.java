package dev.spindle.runtime.operators.base;

import dev.spindle.runtime.io.OutputFormat;
import dev.spindle.runtime.operators.OneInputOperator;

/** Writes records through an {@link OutputFormat}; aborts it if the task does not finish. */
public final class OutputFormatSinkOperator<T> extends OneInputOperator<T, Void> {

    private final OutputFormat<T> format;
    private boolean opened;
    private boolean closed;

    public OutputFormatSinkOperator(OutputFormat<T> format) {
        this.format = format;
    }

    @Override
    public void open() throws Exception {
        format.open(context.getIndexOfThisSubtask(), context.getNumberOfParallelSubtasks());
        opened = true;
    }

    @Override
    public void process(T record) throws Exception {
        format.writeRecord(record);
    }

    @Override
    public void close() throws Exception {
        format.close();
        closed = true;
    }

    @Override
    public void dispose() {
        if (opened && !closed) {
            format.abort();
        }
    }
}
