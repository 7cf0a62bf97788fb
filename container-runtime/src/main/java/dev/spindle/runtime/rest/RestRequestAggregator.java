package dev.spindle.runtime.rest;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;

/**
 * Netty's {@link HttpObjectAggregator} with the upload limit, answering oversized requests (and
 * refused {@code Expect: 100-continue}) with a JSON error instead of an empty body. Like its parent,
 * it keeps a keep-alive connection open and discards the rest of an oversized body when the size
 * was announced up front, and closes the connection when the body was already being streamed.
 */
final class RestRequestAggregator extends HttpObjectAggregator {

    RestRequestAggregator(int maxContentLength) {
        super(maxContentLength);
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof HttpResponse refusal && refusal.status().code() >= 400) {
            ReferenceCountUtil.release(response);
            return json(refusal.status());
        }
        return response;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        boolean close = oversized instanceof FullHttpMessage
                || (!HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized));
        FullHttpResponse response = json(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
        HttpUtil.setKeepAlive(response, !close);
        ctx.writeAndFlush(response)
                .addListener(close ? ChannelFutureListener.CLOSE : ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private FullHttpResponse json(HttpResponseStatus status) {
        String message = status.equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)
                ? "Request body is larger than the limit of " + maxContentLength() + " bytes"
                : "Cannot accept this request: " + status;
        return RestResponse.error(status, message).toHttp();
    }
}
