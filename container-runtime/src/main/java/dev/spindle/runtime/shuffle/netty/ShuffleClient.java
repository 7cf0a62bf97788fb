package dev.spindle.runtime.shuffle.netty;

import dev.spindle.runtime.shuffle.partition.PartitionId;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The consumer side of the shuffle: one connection per remote TaskManager, shared by all input
 * channels reading from it. Incoming buffers are routed by receiver id to their channel.
 * Thread-safe.
 */
public final class ShuffleClient implements AutoCloseable {

    private final EventLoopGroup group;
    private final int connectTimeoutMillis;
    private final Map<InetSocketAddress, Channel> connections = new ConcurrentHashMap<>();
    private final Map<Long, Receiver> receivers = new ConcurrentHashMap<>();
    private final AtomicLong nextReceiverId = new AtomicLong();

    /** What a remote input channel implements to receive from the connection. Called on a Netty thread. */
    public interface Receiver {
        void onBuffer(ByteBuf data, boolean event, int size);

        void onError(boolean partitionNotFound, String message);

        void onConnectionLost(String message);
    }

    public ShuffleClient(EventLoopGroup group, int connectTimeoutMillis) {
        this.group = group;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public long register(Receiver receiver) {
        long id = nextReceiverId.incrementAndGet();
        receivers.put(id, receiver);
        return id;
    }

    public void unregister(long receiverId) {
        receivers.remove(receiverId);
    }

    /** The connection to a TaskManager's shuffle server, opened on first use. */
    public Channel connection(InetSocketAddress address) throws IOException, InterruptedException {
        Channel existing = connections.get(address);
        if (existing != null && existing.isActive()) {
            return existing;
        }
        synchronized (this) {
            existing = connections.get(address);
            if (existing != null && existing.isActive()) {
                return existing;
            }
            Channel channel = connect(address);
            connections.put(address, channel);
            return channel;
        }
    }

    private Channel connect(InetSocketAddress address) throws IOException, InterruptedException {
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new LengthFieldBasedFrameDecoder(Integer.MAX_VALUE, 0, 4, 0, 4))
                                .addLast(new ResponseHandler(address));
                    }
                });
        ChannelFuture future = bootstrap.connect(address);
        if (!future.await(connectTimeoutMillis + 1000L, TimeUnit.MILLISECONDS) || !future.isSuccess()) {
            throw new IOException("Cannot connect to TaskManager shuffle server at " + address.getHostString() + ":"
                    + address.getPort() + " (" + (future.cause() == null ? "timeout" : future.cause().getMessage())
                    + "); it probably died — check its log");
        }
        return future.channel();
    }

    public void sendRequest(Channel channel, long receiverId, PartitionId partition, int subpartition, int credit) {
        ByteBuf out = channel.alloc().buffer();
        int start = ShuffleMessages.beginFrame(out, ShuffleMessages.REQUEST);
        out.writeLong(receiverId);
        ShuffleMessages.writePartitionId(out, partition);
        out.writeInt(subpartition);
        out.writeInt(credit);
        ShuffleMessages.endFrame(out, start);
        channel.writeAndFlush(out);
    }

    public void sendCredit(Channel channel, long receiverId, int credit) {
        sendSimple(channel, ShuffleMessages.CREDIT, receiverId, credit);
    }

    public void sendCancel(Channel channel, long receiverId) {
        sendSimple(channel, ShuffleMessages.CANCEL, receiverId, -1);
    }

    private static void sendSimple(Channel channel, byte type, long receiverId, int value) {
        ByteBuf out = channel.alloc().buffer(17);
        int start = ShuffleMessages.beginFrame(out, type);
        out.writeLong(receiverId);
        if (value >= 0) {
            out.writeInt(value);
        }
        ShuffleMessages.endFrame(out, start);
        channel.writeAndFlush(out);
    }

    @Override
    public void close() {
        connections.values().forEach(c -> c.close().awaitUninterruptibly());
        connections.clear();
    }

    /** Routes responses of one connection to receivers. */
    private final class ResponseHandler extends ChannelInboundHandlerAdapter {

        private final InetSocketAddress address;

        ResponseHandler(InetSocketAddress address) {
            this.address = address;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            try {
                byte type = in.readByte();
                long receiverId = in.readLong();
                Receiver receiver = receivers.get(receiverId);
                if (type == ShuffleMessages.BUFFER) {
                    boolean event = in.readBoolean();
                    int size = in.readInt();
                    if (receiver != null) {
                        receiver.onBuffer(in, event, size);
                    }
                } else if (type == ShuffleMessages.ERROR) {
                    boolean notFound = in.readBoolean();
                    String message = ShuffleMessages.readString(in);
                    if (receiver != null) {
                        receiver.onError(notFound, message);
                    }
                }
            } finally {
                in.release();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            connections.remove(address, ctx.channel());
            String message = "Lost connection to TaskManager " + address.getHostString() + ":" + address.getPort()
                    + "; it probably died — see its log";
            receivers.values().forEach(r -> r.onConnectionLost(message));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
