package dev.spindle.runtime.rest;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The JobManager's HTTP/JSON API (see {@link #routes} for the endpoints). It reads and steers the
 * cluster only through a {@link ClusterView}.
 *
 * <p>Lifecycle: the constructor binds and serves; {@link #close()} stops listening, closes open
 * connections and stops the I/O threads. close() may be called from any thread, also from one of
 * this server's own I/O threads (e.g. inside {@link ClusterView#shutDown()}); then it does not wait.
 */
public final class RestServer implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(RestServer.class);

    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final JarStore jars;
    private final AtomicBoolean closed = new AtomicBoolean();

    public RestServer(RestServerConfig config, ClusterView cluster) throws IOException {
        this.jars = new JarStore(config.uploadDir());
        Router router = routes(new ClusterHandlers(cluster), new JarHandlers(jars, cluster));
        this.group = new NioEventLoopGroup(2, new DefaultThreadFactory("spindle-rest", true));
        ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(
                                new HttpServerCodec(),
                                new RestRequestAggregator((int) config.maxUploadBytes()),
                                new RestChannelHandler(router, config.requestTimeout()));
                    }
                })
                .bind(config.host(), config.port())
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("Cannot start the REST server on " + config.host() + ":" + config.port() + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        this.serverChannel = bound.channel();
        LOG.info("REST API listening on {}:{}, storing jars in {}", config.host(), port(), jars.dir());
    }

    static Router routes(ClusterHandlers cluster, JarHandlers jars) {
        return new Router()
                .add(HttpMethod.GET, "/overview", cluster::overview)
                .add(HttpMethod.GET, "/jobs", cluster::jobs)
                .add(HttpMethod.GET, "/jobs/{id}", cluster::job)
                .add(HttpMethod.PATCH, "/jobs/{id}", cluster::patchJob)
                .add(HttpMethod.GET, "/taskmanagers", cluster::taskManagers)
                .add(HttpMethod.DELETE, "/cluster", cluster::shutDown)
                .add(HttpMethod.GET, "/jars", jars::list)
                .add(HttpMethod.POST, "/jars/upload", jars::upload)
                .add(HttpMethod.POST, "/jars/{id}/run", jars::run);
    }

    /** The bound port (useful when configured with port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The directory uploaded jars are stored in (absolute). */
    public Path uploadDir() {
        return jars.dir();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        serverChannel.close();
        Future<?> terminated = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        if (!onOwnThread() && !terminated.awaitUninterruptibly(10, TimeUnit.SECONDS)) {
            LOG.warn("REST server I/O threads did not stop within 10 s");
        }
    }

    private boolean onOwnThread() {
        for (EventExecutor executor : group) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }
}
