package dev.spindle.runtime.rpc;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** Opens control-plane servers and client connections over Netty. */
public final class RpcService {

    private static final AttributeKey<RpcConnection> CONNECTION = AttributeKey.valueOf("spindle.rpc.connection");

    private final EventLoopGroup group;

    public RpcService(EventLoopGroup group) {
        this.group = group;
    }

    /** A listening server; returns the bound channel (use {@link #port(Channel)} for the port). */
    public Channel listen(String host, int port, RpcHandler handler) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer(handler));
        return bootstrap.bind(host, port).sync().channel();
    }

    public static int port(Channel serverChannel) {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public RpcConnection connect(String host, int port, RpcHandler handler, int timeoutMillis) throws IOException {
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                .handler(initializer(handler));
        ChannelFuture future = bootstrap.connect(host, port);
        if (!future.awaitUninterruptibly(timeoutMillis + 1000L, TimeUnit.MILLISECONDS) || !future.isSuccess()) {
            String reason = future.cause() == null ? "timed out" : future.cause().getMessage();
            throw new IOException("Cannot connect to " + host + ":" + port + ": " + reason);
        }
        return connectionOf(future.channel());
    }

    private static RpcConnection connectionOf(Channel channel) {
        RpcConnection c = channel.attr(CONNECTION).get();
        if (c == null) {
            channel.attr(CONNECTION).setIfAbsent(new RpcConnection(channel));
            c = channel.attr(CONNECTION).get();
        }
        return c;
    }

    private static ChannelInitializer<SocketChannel> initializer(RpcHandler handler) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                RpcCodec.install(ch.pipeline());
                ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelActive(ChannelHandlerContext ctx) {
                        handler.onConnected(connectionOf(ctx.channel()));
                    }

                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        handler.onMessage(connectionOf(ctx.channel()), msg);
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        handler.onDisconnected(connectionOf(ctx.channel()));
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        ctx.close();
                    }
                });
            }
        };
    }
}
