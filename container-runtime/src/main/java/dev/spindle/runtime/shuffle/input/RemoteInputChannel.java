package dev.spindle.runtime.shuffle.input;

import dev.spindle.runtime.shuffle.buffer.Buffer;
import dev.spindle.runtime.shuffle.buffer.NetworkBufferPool;
import dev.spindle.runtime.shuffle.io.ShuffleException;
import dev.spindle.runtime.shuffle.netty.ShuffleClient;
import dev.spindle.runtime.shuffle.partition.PartitionId;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Reads a subpartition of a producer in another TaskManager over Netty with credit-based flow
 * control: the channel owns a fixed set of buffers, grants the producer one credit per free
 * buffer, and returns a credit each time the task recycles one. At most that many buffers are ever
 * in flight for this channel, however slow the task is.
 *
 * <p>Threads: the task thread requests, polls and recycles; the Netty thread delivers buffers and
 * errors. Shared state is guarded by {@code this}.
 */
public final class RemoteInputChannel extends InputChannel implements ShuffleClient.Receiver {

    private final ShuffleClient client;
    private final InetSocketAddress producerAddress;
    private final NetworkBufferPool networkPool;
    private final int credits;
    private final long requestTimeoutMillis;
    private final ArrayDeque<byte[]> freeSegments = new ArrayDeque<>();
    private final ArrayDeque<Buffer> received = new ArrayDeque<>();
    private Channel connection;
    private long receiverId = -1;
    private long requestDeadline;
    private String failure;
    private boolean released;

    public RemoteInputChannel(InputGate gate, int channelIndex, int inputIndex, PartitionId partitionId,
                              int subpartition, ShuffleClient client, InetSocketAddress producerAddress,
                              NetworkBufferPool networkPool, int credits, long requestTimeoutMillis) {
        super(gate, channelIndex, inputIndex, partitionId, subpartition);
        this.client = client;
        this.producerAddress = producerAddress;
        this.networkPool = networkPool;
        this.credits = credits;
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    @Override
    public void requestSubpartition() throws IOException, InterruptedException {
        for (int i = 0; i < credits; i++) {
            byte[] segment = networkPool.requestSegment(requestTimeoutMillis);
            if (segment == null) {
                throw new IOException("Not enough network buffers for input channel of " + partitionId
                        + "; raise taskmanager.memory.network (" + networkPool.totalSegments() + " buffers now)");
            }
            synchronized (this) {
                freeSegments.add(segment);
            }
        }
        connection = client.connection(producerAddress);
        receiverId = client.register(this);
        requestDeadline = System.currentTimeMillis() + requestTimeoutMillis;
        client.sendRequest(connection, receiverId, partitionId, subpartition, credits);
    }

    @Override
    public void onBuffer(ByteBuf data, boolean event, int size) {
        synchronized (this) {
            if (released) {
                return;
            }
            byte[] segment = freeSegments.poll();
            if (segment == null || segment.length < size) {
                failure = "Shuffle protocol error: producer sent a buffer without credit";
            } else {
                data.readBytes(segment, 0, size);
                Buffer buffer = new Buffer(segment, this::recycle);
                buffer.setSize(size);
                buffer.setKind(event ? Buffer.Kind.EVENT : Buffer.Kind.DATA);
                received.add(buffer);
            }
        }
        notifyDataAvailable();
    }

    @Override
    public void onError(boolean partitionNotFound, String message) {
        if (partitionNotFound && System.currentTimeMillis() < requestDeadline) {
            // The producer is not deployed yet: ask again shortly (same credit, nothing was sent).
            connection.eventLoop().schedule(
                    () -> client.sendRequest(connection, receiverId, partitionId, subpartition, credits),
                    20, TimeUnit.MILLISECONDS);
            return;
        }
        fail(message);
    }

    @Override
    public void onConnectionLost(String message) {
        fail(message);
    }

    private void fail(String message) {
        synchronized (this) {
            if (failure == null) {
                failure = message;
            }
        }
        notifyDataAvailable();
    }

    private void recycle(byte[] segment) {
        synchronized (this) {
            if (released) {
                networkPool.recycle(segment);
                return;
            }
            freeSegments.add(segment);
        }
        client.sendCredit(connection, receiverId, 1);
    }

    @Override
    public Buffer pollNext() throws IOException {
        synchronized (this) {
            Buffer buffer = received.poll();
            if (buffer == null && failure != null) {
                throw new ShuffleException(failure);
            }
            return buffer;
        }
    }

    @Override
    public synchronized boolean isAvailable() {
        return !received.isEmpty() || failure != null;
    }

    @Override
    public void release() {
        ArrayDeque<byte[]> toReturn = new ArrayDeque<>();
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            toReturn.addAll(freeSegments);
            freeSegments.clear();
            received.forEach(b -> toReturn.add(b.segment()));
            received.clear();
        }
        if (receiverId >= 0) {
            client.unregister(receiverId);
            if (connection != null && connection.isActive()) {
                client.sendCancel(connection, receiverId);
            }
        }
        toReturn.forEach(networkPool::recycle);
    }
}
