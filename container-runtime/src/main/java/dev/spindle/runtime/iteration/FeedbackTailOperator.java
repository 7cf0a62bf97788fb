package dev.spindle.runtime.iteration;

import dev.spindle.runtime.memory.SpillingRecordBuffer;
import dev.spindle.runtime.operators.Operator;

/**
 * The end of an iteration's loop: hands every record of a superstep back to the head of its subtask
 * (into the buffer the head prepared for this superstep), or, for a termination criterion, only
 * counts them. Created anew every superstep like every operator of a loop; the task reports
 * {@link #records()} to the meeting point when the superstep is complete. Task thread only.
 */
public final class FeedbackTailOperator extends Operator<Object> {

    private final FeedbackKind kind;
    private transient SpillingRecordBuffer<Object> buffer;
    private transient long records;

    public FeedbackTailOperator(FeedbackKind kind) {
        this.kind = kind;
    }

    public FeedbackKind kind() {
        return kind;
    }

    @Override
    public void open() {
        SubtaskIteration iteration = context.requireIteration();
        if (kind != FeedbackKind.TERMINATION_CRITERION) {
            buffer = iteration.feedbackBuffer(kind);
        }
    }

    @Override
    public void processElement(int input, Object record) throws Exception {
        records++;
        if (buffer != null) {
            buffer.add(record);
        }
    }

    /** The records handed back this superstep. */
    public long records() {
        return records;
    }
}
