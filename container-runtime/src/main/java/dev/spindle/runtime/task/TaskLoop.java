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
import java.io.IOException;
import java.util.List;

/**
 * The task thread's main loop: between units of work (a record from a source, a buffer of records
 * from an input) it runs mailbox actions and applies the buffer timeout; when there is no input it
 * sleeps in the mailbox until input arrives, mail arrives, or the next flush is due.
 */
final class TaskLoop {

    private static final int SOURCE_RECORDS_PER_CHECK = 64;

    private final OperatorChain chain;
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
                int n = 0;
                while (!format.reachedEnd()) {
                    Object record = format.nextRecord();
                    if (record != null) {
                        out.collect(record);
                    }
                    if (++n == SOURCE_RECORDS_PER_CHECK) {
                        n = 0;
                        betweenWork();
                    }
                }
            } finally {
                format.close();
            }
            betweenWork();
        }
    }

    void runInputs() throws Exception {
        InputGate gate = io.gate();
        int[] openChannels = io.channelsPerInput().clone();
        int openInputs = 0;
        for (int c : openChannels) {
            openInputs += c > 0 ? 1 : 0;
        }
        while (openInputs > 0) {
            betweenWork();
            InputGate.BufferAndChannel next = gate.pollNext();
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
                        chain.endHeadInput(input);
                    }
                }
                continue;
            }
            io.bytesIn += buffer.size();
            processBuffer(input, next.channel().channelIndex(), buffer);
        }
    }

    private void processBuffer(int input, int channel, Buffer buffer) throws IOException {
        RecordDeserializer<?> deserializer = io.deserializer(channel);
        deserializer.setNextBuffer(buffer);
        Object record;
        long count = 0;
        while ((record = deserializer.next()) != null) {
            chain.processHead(input, record);
            count++;
        }
        io.recordsIn += count;
    }

    private void checkNoPartialRecord(int channel) throws IOException {
        if (io.deserializer(channel).hasPartialRecord()) {
            throw new IOException("Input channel " + channel + " ended in the middle of a record");
        }
    }

    /** Runs pending mail (which may throw to cancel) and flushes if the buffer timeout expired. */
    private void betweenWork() throws IOException {
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

    private long waitNanos() {
        if (flushIntervalNanos > 0 && io.hasUnflushedOutput()) {
            return Math.max(1, nextFlushNanos - System.nanoTime());
        }
        return -1;
    }
}
