package dev.spindle.runtime.rpc;

/** Receives the messages of connections. Called on Netty threads: hand work to an owner thread. */
public interface RpcHandler {

    void onMessage(RpcConnection connection, Object message);

    default void onConnected(RpcConnection connection) {
    }

    void onDisconnected(RpcConnection connection);
}
