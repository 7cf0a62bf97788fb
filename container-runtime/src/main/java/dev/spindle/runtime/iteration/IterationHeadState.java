package dev.spindle.runtime.iteration;

import dev.spindle.runtime.memory.SpillingRecordBuffer;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/**
 * What an iteration head keeps between supersteps, in its managed memory: the partial solution
 * (bulk) or the solution set and workset (delta). Lifecycle: {@link #addInitial}* ->
 * ({@link #beginSuperstep} -> {@link #forEachSuperstepInput} -> {@link #endSuperstep})* ->
 * {@link #forEachResult} -> {@link #close()}. Used by the head's task thread only; the tails write
 * into the buffers {@link #beginSuperstep} hands out from their own threads, before
 * {@link #endSuperstep} (the meeting point orders that).
 */
public interface IterationHeadState extends Closeable {

    /** Receives records. */
    interface RecordConsumer {
        void accept(Object record) throws Exception;
    }

    /** A record of the initial partial solution or solution set (input 0) or initial workset (input 1). */
    void addInitial(int input, Object record) throws IOException;

    /** The buffers the tails of the coming superstep write into. */
    Map<FeedbackKind, SpillingRecordBuffer<Object>> beginSuperstep() throws IOException;

    /** The records the loop reads in the current superstep (the partial solution or the workset). */
    void forEachSuperstepInput(RecordConsumer consumer) throws Exception;

    /** Called when every tail is done: the feedback becomes the next superstep's input; a delta is applied. */
    void endSuperstep() throws Exception;

    /** Writes the state the next superstep starts from (called after {@link #endSuperstep}). */
    void writeSnapshot(SnapshotFiles.Writer out) throws Exception;

    /** Restores a state written by {@link #writeSnapshot}, instead of the initial inputs. */
    void restore(SnapshotFiles.Reader in) throws Exception;

    /** The iteration's result: the last partial solution, or the solution set. */
    void forEachResult(RecordConsumer consumer) throws Exception;

    @Override
    void close();
}
