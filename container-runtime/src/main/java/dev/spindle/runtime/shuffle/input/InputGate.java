package dev.spindle.runtime.shuffle.input;

import dev.spindle.runtime.shuffle.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * All input channels of a task. Channels with data queue up here per logical input, in the order
 * they reported data. {@link #pollNext(int)} takes from the head of one input's queue, or, for
 * {@link #ANY_INPUT}, from the inputs in turn, which gives every channel its turn. The owner (the
 * task's mailbox) is told through the availability listener whenever an input's queue goes from
 * empty to non-empty, so a task waiting for one input wakes when that input gets data even while
 * another input's data waits. {@link #pollNext(int)} is for the task thread only; notifications
 * come from any thread.
 */
public final class InputGate {

    /** {@link #pollNext(int)}: take from whichever input has data. */
    public static final int ANY_INPUT = -1;

    private final List<InputChannel> channels = new ArrayList<>();
    private final List<ArrayDeque<InputChannel>> withData = new ArrayList<>();
    private final Runnable availabilityListener;
    private int nextInputInTurn;

    /** A buffer and the channel it came from. */
    public record BufferAndChannel(Buffer buffer, InputChannel channel) {
    }

    public InputGate(Runnable availabilityListener) {
        this.availabilityListener = availabilityListener;
    }

    public void addChannel(InputChannel channel) {
        channels.add(channel);
        synchronized (withData) {
            while (withData.size() <= channel.inputIndex()) {
                withData.add(new ArrayDeque<>());
            }
        }
    }

    public List<InputChannel> channels() {
        return channels;
    }

    public int numChannels() {
        return channels.size();
    }

    public void requestPartitions() throws IOException, InterruptedException {
        for (InputChannel c : channels) {
            c.requestSubpartition();
        }
    }

    /** The next buffer of any channel, or null if none has data now. */
    public BufferAndChannel pollNext() throws IOException {
        return pollNext(ANY_INPUT);
    }

    /** The next buffer of a channel of {@code input} (or of any input), or null if none has data now. */
    public BufferAndChannel pollNext(int input) throws IOException {
        while (true) {
            InputChannel channel;
            synchronized (withData) {
                channel = input == ANY_INPUT ? pollInTurn() : withData.get(input).poll();
                if (channel == null) {
                    return null;
                }
                channel.queuedInGate = false;
            }
            Buffer buffer = channel.pollNext();
            if (buffer == null) {
                continue;
            }
            if (channel.isAvailable()) {
                queue(channel, false);
            }
            return new BufferAndChannel(buffer, channel);
        }
    }

    private InputChannel pollInTurn() {
        int n = withData.size();
        for (int i = 0; i < n; i++) {
            int input = (nextInputInTurn + i) % n;
            InputChannel channel = withData.get(input).poll();
            if (channel != null) {
                nextInputInTurn = input + 1;
                return channel;
            }
        }
        return null;
    }

    void notifyChannelNonEmpty(InputChannel channel) {
        queue(channel, true);
    }

    private void queue(InputChannel channel, boolean notify) {
        boolean wasEmpty;
        synchronized (withData) {
            if (channel.queuedInGate) {
                return;
            }
            channel.queuedInGate = true;
            ArrayDeque<InputChannel> queue = withData.get(channel.inputIndex());
            wasEmpty = queue.isEmpty();
            queue.add(channel);
        }
        if (notify && wasEmpty) {
            availabilityListener.run();
        }
    }

    public void release() {
        for (InputChannel c : channels) {
            c.release();
        }
    }
}
