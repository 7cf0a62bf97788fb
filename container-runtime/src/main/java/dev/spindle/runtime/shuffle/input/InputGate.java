package dev.spindle.runtime.shuffle.input;

import dev.spindle.runtime.shuffle.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * All input channels of a task. Channels with data queue up here, in the order they reported data,
 * and {@link #pollNext()} takes from the head, which gives every channel its turn. The owner (the
 * task's mailbox) is told through the availability listener when the gate goes from empty to
 * non-empty. {@link #pollNext()} is for the task thread only; notifications come from any thread.
 */
public final class InputGate {

    private final List<InputChannel> channels = new ArrayList<>();
    private final ArrayDeque<InputChannel> withData = new ArrayDeque<>();
    private final Runnable availabilityListener;

    /** A buffer and the channel it came from. */
    public record BufferAndChannel(Buffer buffer, InputChannel channel) {
    }

    public InputGate(Runnable availabilityListener) {
        this.availabilityListener = availabilityListener;
    }

    public void addChannel(InputChannel channel) {
        channels.add(channel);
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
        while (true) {
            InputChannel channel;
            synchronized (withData) {
                channel = withData.poll();
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

    /** Whether some channel reported data that was not taken yet. */
    public boolean hasQueuedChannels() {
        synchronized (withData) {
            return !withData.isEmpty();
        }
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
            wasEmpty = withData.isEmpty();
            withData.add(channel);
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
