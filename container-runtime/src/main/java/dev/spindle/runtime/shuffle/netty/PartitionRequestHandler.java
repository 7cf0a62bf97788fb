package dev.spindle.runtime.shuffle.netty;

import dev.spindle.runtime.shuffle.buffer.Buffer;
import dev.spindle.runtime.shuffle.event.EventSerializer;
import dev.spindle.runtime.shuffle.partition.PartitionId;
import dev.spindle.runtime.shuffle.partition.PartitionNotFoundException;
import dev.spindle.runtime.shuffle.partition.ResultPartitionManager;
import dev.spindle.runtime.shuffle.partition.SubpartitionView;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The producer side of one shuffle connection: one reader per requested subpartition, each with
 * the credit its consumer granted. A reader with data and credit waits in a queue; buffers are
 * written while the connection is writable. Everything here runs on the connection's event loop;
 * producers' availability notifications are handed to it.
 */
final class PartitionRequestHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LogManager.getLogger(PartitionRequestHandler.class);

    private final ResultPartitionManager partitions;
    private final Map<Long, Reader> readers = new HashMap<>();
    private final ArrayDeque<Reader> ready = new ArrayDeque<>();
    private ChannelHandlerContext ctx;

    PartitionRequestHandler(ResultPartitionManager partitions) {
        this.partitions = partitions;
    }

    private final class Reader {
        final long receiverId;
        SubpartitionView view;
        int credit;
        boolean queued;

        Reader(long receiverId, int credit) {
            this.receiverId = receiverId;
            this.credit = credit;
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            byte type = in.readByte();
            long receiverId = in.readLong();
            switch (type) {
                case ShuffleMessages.REQUEST -> onRequest(receiverId, ShuffleMessages.readPartitionId(in), in.readInt(), in.readInt());
                case ShuffleMessages.CREDIT -> onCredit(receiverId, in.readInt());
                case ShuffleMessages.CANCEL -> onCancel(receiverId);
                default -> throw new IllegalStateException("Unknown shuffle message type " + type);
            }
        } finally {
            in.release();
        }
    }

    private void onRequest(long receiverId, PartitionId partitionId, int subpartition, int credit) {
        Reader reader = new Reader(receiverId, credit);
        try {
            reader.view = partitions.createView(partitionId, subpartition,
                    () -> ctx.executor().execute(() -> enqueue(reader)));
            readers.put(receiverId, reader);
            enqueue(reader);
        } catch (PartitionNotFoundException e) {
            sendError(receiverId, true, e.getMessage());
        } catch (IOException | RuntimeException e) {
            sendError(receiverId, false, "Cannot read " + partitionId + ": " + e.getMessage());
        }
    }

    private void onCredit(long receiverId, int credit) {
        Reader reader = readers.get(receiverId);
        if (reader != null) {
            reader.credit += credit;
            enqueue(reader);
        }
    }

    private void onCancel(long receiverId) {
        Reader reader = readers.remove(receiverId);
        if (reader != null && reader.view != null) {
            reader.view.release();
        }
    }

    private void enqueue(Reader reader) {
        if (!reader.queued && reader.credit > 0 && readers.get(reader.receiverId) == reader && reader.view.isAvailable()) {
            reader.queued = true;
            ready.add(reader);
        }
        writeReady();
    }

    private void writeReady() {
        boolean wrote = false;
        try {
            while (ctx.channel().isWritable()) {
                Reader reader = ready.poll();
                if (reader == null) {
                    break;
                }
                reader.queued = false;
                Buffer buffer = reader.view.poll();
                if (buffer == null) {
                    continue;
                }
                reader.credit--;
                boolean end = EventSerializer.isEndOfPartition(buffer);
                ctx.write(encode(reader.receiverId, buffer));
                wrote = true;
                if (end) {
                    readers.remove(reader.receiverId);
                    reader.view.release();
                } else if (reader.credit > 0 && reader.view.isAvailable()) {
                    reader.queued = true;
                    ready.add(reader);
                }
            }
        } catch (IOException e) {
            LOG.warn("Failed reading a partition for a remote consumer", e);
            ctx.fireExceptionCaught(e);
        }
        if (wrote) {
            ctx.flush();
        }
    }

    private ByteBuf encode(long receiverId, Buffer buffer) {
        ByteBuf out = ctx.alloc().directBuffer(ShuffleMessages.BUFFER_HEADER + buffer.size());
        try {
            int start = ShuffleMessages.beginFrame(out, ShuffleMessages.BUFFER);
            out.writeLong(receiverId);
            out.writeBoolean(buffer.isEvent());
            out.writeInt(buffer.size());
            out.writeBytes(buffer.segment(), 0, buffer.size());
            ShuffleMessages.endFrame(out, start);
            return out;
        } finally {
            buffer.recycle();
        }
    }

    private void sendError(long receiverId, boolean notFound, String message) {
        ByteBuf out = ctx.alloc().buffer();
        int start = ShuffleMessages.beginFrame(out, ShuffleMessages.ERROR);
        out.writeLong(receiverId);
        out.writeBoolean(notFound);
        ShuffleMessages.writeString(out, message);
        ShuffleMessages.endFrame(out, start);
        ctx.writeAndFlush(out);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        writeReady();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        readers.values().forEach(r -> r.view.release());
        readers.clear();
        ready.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("Shuffle connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
