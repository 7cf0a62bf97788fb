package dev.spindle.runtime.rest;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The last handler of a connection's pipeline: routes each aggregated request, waits for the
 * handler's future and writes exactly one JSON response per request, in request order (HTTP/1.1
 * pipelining), whatever happens: handler failures become error responses, never a silent close.
 *
 * <p>One instance per connection. {@link #channelRead0} runs on the connection's I/O thread and is
 * the only code touching {@link #previousResponse}; responses may complete on any thread.
 */
final class RestChannelHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LogManager.getLogger(RestChannelHandler.class);

    private final Router router;
    private final Duration requestTimeout;
    /** Completes once the previous request's response has been handed to Netty. */
    private CompletableFuture<Void> previousResponse = CompletableFuture.completedFuture(null);

    RestChannelHandler(Router router, Duration requestTimeout) {
        this.router = router;
        this.requestTimeout = requestTimeout;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        String description = request.method() + " " + request.uri();
        CompletableFuture<RestResponse> response = dispatch(request)
                .orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> errorResponse(failure, description));
        previousResponse = previousResponse.thenCombine(response, (ignored, r) -> r)
                .thenAccept(r -> write(ctx, r, keepAlive));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof PrematureChannelClosureException) {
            LOG.debug("REST connection {} closed abruptly", ctx.channel().remoteAddress(), cause);
        } else {
            LOG.warn("REST connection {} failed; closing it", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }

    private CompletableFuture<RestResponse> dispatch(FullHttpRequest request) {
        try {
            if (request.decoderResult().isFailure()) {
                throw RestException.badRequest("Malformed HTTP request: " + request.decoderResult().cause());
            }
            QueryStringDecoder uri = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8);
            List<String> path = decodeSegments(uri.rawPath());
            Router.Match match = router.route(request.method(), path);
            if (!match.found()) {
                return CompletableFuture.completedFuture(noRoute(request.method(), uri.path(), match));
            }
            RestRequest restRequest = new RestRequest(request, match.pathParams(), uri.parameters());
            return Objects.requireNonNull(match.handler().handle(restRequest), "REST handler returned null");
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Splits the raw path before decoding, so that an encoded '/' stays inside one segment. */
    private static List<String> decodeSegments(String rawPath) {
        List<String> decoded = new ArrayList<>();
        for (String segment : Router.segments(rawPath)) {
            try {
                decoded.add(QueryStringDecoder.decodeComponent(segment, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw RestException.badRequest("Malformed path: " + e.getMessage());
            }
        }
        return decoded;
    }

    private static RestResponse noRoute(HttpMethod method, String path, Router.Match match) {
        if (match.allowed().isEmpty()) {
            return RestResponse.error(HttpResponseStatus.NOT_FOUND, "Not found: " + path);
        }
        String allow = match.allowed().stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        return RestResponse.error(HttpResponseStatus.METHOD_NOT_ALLOWED,
                        "Method " + method + " is not allowed on " + path + "; use " + allow)
                .withHeader(HttpHeaderNames.ALLOW.toString(), allow);
    }

    private RestResponse errorResponse(Throwable failure, String request) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RestException e) {
            return RestResponse.error(e.status(), e.getMessage());
        }
        if (t instanceof JarRunException e) {
            return RestResponse.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        }
        if (t instanceof TimeoutException) {
            LOG.warn("REST request {} got no answer from the cluster within {}", request, requestTimeout);
            return RestResponse.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "The cluster did not answer within " + requestTimeout.toMillis() + " ms; it may be overloaded");
        }
        LOG.error("REST request {} failed", request, t);
        return RestResponse.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal server error: " + t);
    }

    private static void write(ChannelHandlerContext ctx, RestResponse response, boolean keepAlive) {
        try {
            FullHttpResponse http = response.toHttp();
            HttpUtil.setKeepAlive(http, keepAlive);
            ChannelFuture written = ctx.writeAndFlush(http);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
            if (response.afterWrite() != null) {
                written.addListener(done -> response.afterWrite().run());
            }
        } catch (RuntimeException e) {
            LOG.error("Cannot write a REST response; closing the connection", e);
            ctx.close();
        }
    }
}
