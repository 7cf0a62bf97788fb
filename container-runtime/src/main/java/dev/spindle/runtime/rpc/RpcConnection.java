package dev.spindle.runtime.rpc;

import io.netty.channel.Channel;
import java.io.Serializable;
import java.net.InetSocketAddress;

/** One end of a control-plane connection. {@link #send} may be called from any thread. */
public final class RpcConnection {

    private final Channel channel;

    RpcConnection(Channel channel) {
        this.channel = channel;
    }

    public void send(Serializable message) {
        channel.writeAndFlush(message);
    }

    /** Sends and waits until the message is written (or the connection failed). */
    public void sendAndWait(Serializable message) {
        channel.writeAndFlush(message).awaitUninterruptibly(10_000);
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    public void close() {
        channel.close();
    }

    public String remoteAddress() {
        InetSocketAddress a = (InetSocketAddress) channel.remoteAddress();
        return a == null ? "?" : a.getHostString() + ":" + a.getPort();
    }

    @Override
    public String toString() {
        return "RpcConnection(" + remoteAddress() + ")";
    }
}
