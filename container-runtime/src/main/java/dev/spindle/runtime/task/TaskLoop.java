package dev.spindle.runtime.task;

import dev.spindle.api.functions.Collector;
import dev.spindle.runtime.io.InputFormat;
import dev.spindle.runtime.io.InputSplit;
import dev.spindle.runtime.shuffle.buffer.Buffer;
import dev.spindle.runtime.shuffle.event.EndOfPartitionEvent;
import dev.spindle.runtime.shuffle.event.EventSerializer;
import dev.spindle.runtime.shuffle.event.RuntimeEvent;
import dev.spindle.runtime.shuffle.input.InputGate;
import dev.spindle.runtime.shuffle.io.RecordDeserializer;
import dev.spindle.runtime.operators.Operator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The task thread's main loop: between units of work (a record from a source, a buffer of records
 * from an input) it runs mailbox actions and applies the buffer timeout; when there is no input it
 * sleeps in the mailbox until input arrives, mail arrives, or the next flush is due.
 */
final class TaskLoop {

    /** Records of a long stretch of work between two looks at the mailbox (see {@link #recordDone}). */
    private static final int RECORDS_PER_CHECK = 64;

    private OperatorChain chain;
    private int recordsSinceCheck;
    private final TaskIO io;
    private final TaskMailbox mailbox;
    private final long flushIntervalNanos;
    private final Task task;
    private long nextFlushNanos;

    TaskLoop(OperatorChain chain, TaskIO io, TaskMailbox mailbox, long bufferTimeoutMillis, Task task) {
        this.chain = chain;
        this.io = io;
        this.mailbox = mailbox;
        this.flushIntervalNanos = bufferTimeoutMillis > 0 ? bufferTimeoutMillis * 1_000_000L : -1;
        this.task = task;
        this.nextFlushNanos = System.nanoTime() + flushIntervalNanos;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    void runSource(InputFormat format, List<InputSplit> splits) throws Exception {
        Collector<Object> out = chain.headOutput();
        for (InputSplit split : splits) {
            format.open(split);
            try {
                while (!format.reachedEnd()) {
                    Object record = format.nextRecord();
                    if (record != null) {
                        out.collect(record);
                    }
                    recordDone();
                }
            } finally {
                format.close();
            }
            betweenWork();
        }
    }

    /**
     * Reads every broadcast-set input to its end, one after another, into {@code sets}; runs before
     * the operators open so that they can use the sets in {@code open}.
     */
    void readBroadcastSets(Map<String, List<Object>> sets) throws Exception {
        consume(true, input -> sets.computeIfAbsent(io.broadcastName(input), name -> new ArrayList<>())::add);
    }

    /** Feeds the head operator's inputs to it, in the order it selects, until all ended. */
    void runInputs() throws Exception {
        consume(false, input -> record -> chain.processHead(input, record));
    }

    /** Reads every input other than broadcast sets to its end, in any order, into {@code sinks}; no operator involved. */
    void readInputs(RecordSinks sinks) throws Exception {
        consume(false, sinks);
    }

    /** The operators the loop feeds from now on (an iteration's body has new ones every superstep). */
    void useChain(OperatorChain chain) {
        this.chain = chain;
    }

    interface RecordSink {
        void accept(Object record) throws Exception;
    }

    interface RecordSinks {
        RecordSink forInput(int input);
    }

    private void consume(boolean broadcastSets, RecordSinks sinks) throws Exception {
        InputGate gate = io.gate();
        int[] openChannels = io.channelsPerInput().clone();
        RecordSink[] sinkOf = new RecordSink[openChannels.length];
        int openInputs = 0;
        for (int input = 0; input < openChannels.length; input++) {
            if ((io.broadcastName(input) != null) != broadcastSets) {
                openChannels[input] = 0;
            } else if (openChannels[input] > 0) {
                openInputs++;
                sinkOf[input] = sinks.forInput(input);
            }
        }
        while (openInputs > 0) {
            betweenWork();
            int selected = broadcastSets ? firstOpen(openChannels)
                    : chain == null ? Operator.ANY_INPUT : checkedSelection(openChannels);
            InputGate.BufferAndChannel next = gate.pollNext(selected);
            if (next == null) {
                mailbox.await(waitNanos());
                continue;
            }
            int input = next.channel().inputIndex();
            Buffer buffer = next.buffer();
            if (buffer.isEvent()) {
                RuntimeEvent event = EventSerializer.fromBuffer(buffer, Thread.currentThread().getContextClassLoader());
                buffer.recycle();
                if (event instanceof EndOfPartitionEvent) {
                    checkNoPartialRecord(next.channel().channelIndex());
                    if (--openChannels[input] == 0) {
                        openInputs--;
                        if (!broadcastSets && chain != null) {
                            chain.endHeadInput(input);
                        }
                    }
                }
                continue;
            }
            io.bytesIn += buffer.size();
            processBuffer(sinkOf[input], next.channel().channelIndex(), buffer);
        }
    }

    private static int firstOpen(int[] openChannels) {
        for (int input = 0; input < openChannels.length; input++) {
            if (openChannels[input] > 0) {
                return input;
            }
        }
        throw new IllegalStateException("No open input");
    }

    /** The head operator's choice of input, which must be {@code ANY_INPUT} or an open input. */
    int checkedSelection(int[] openChannels) {
        int selected = chain.headNextInput();
        if (selected != Operator.ANY_INPUT && (selected < 0 || selected >= openChannels.length
                || openChannels[selected] == 0)) {
            throw new IllegalStateException("Operator " + chain.headName() + " selected input " + selected
                    + ", which is not an open input");
        }
        return selected;
    }

    void processBuffer(RecordSink sink, int channel, Buffer buffer) throws Exception {
        RecordDeserializer<?> deserializer = io.deserializer(channel);
        deserializer.setNextBuffer(buffer);
        Object record;
        long count = 0;
        while ((record = deserializer.next()) != null) {
            sink.accept(record);
            count++;
        }
        io.recordsIn += count;
    }

    void checkNoPartialRecord(int channel) throws IOException {
        if (io.deserializer(channel).hasPartialRecord()) {
            throw new IOException("Input channel " + channel + " ended in the middle of a record");
        }
    }

    /**
     * Counts one record of a long stretch of work that reads no input buffers (a source, a replayed
     * cache, an iteration head's emission); every {@link #RECORDS_PER_CHECK}th runs {@link #betweenWork}.
     */
    void recordDone() throws IOException {
        if (++recordsSinceCheck == RECORDS_PER_CHECK) {
            recordsSinceCheck = 0;
            betweenWork();
        }
    }

    /** Runs pending mail (which may throw to cancel) and flushes if the buffer timeout expired. */
    void betweenWork() throws IOException {
        if (mailbox.hasMail()) {
            mailbox.runAll();
        }
        if (task.isCancelRequested()) {
            throw new Task.CancelTaskException();
        }
        if (flushIntervalNanos > 0) {
            long now = System.nanoTime();
            if (now - nextFlushNanos >= 0) {
                io.flushOutputs();
                nextFlushNanos = now + flushIntervalNanos;
            }
        }
    }

    long waitNanos() {
        if (flushIntervalNanos > 0 && io.hasUnflushedOutput()) {
            return Math.max(1, nextFlushNanos - System.nanoTime());
        }
        return -1;
    }
}
