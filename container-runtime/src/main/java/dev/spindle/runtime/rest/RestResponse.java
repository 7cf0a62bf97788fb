package dev.spindle.runtime.rest;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: a status, a JSON document, extra headers, and an optional action to run
 * once the response has been written (used to shut the cluster down only after the client got its 202).
 */
record RestResponse(HttpResponseStatus status, String json, Map<String, String> headers, Runnable afterWrite) {

    static RestResponse ok(String json) {
        return new RestResponse(HttpResponseStatus.OK, json, Map.of(), null);
    }

    static RestResponse accepted(String json) {
        return new RestResponse(HttpResponseStatus.ACCEPTED, json, Map.of(), null);
    }

    static RestResponse error(HttpResponseStatus status, String message) {
        String text = message == null || message.isBlank() ? status.reasonPhrase() : message;
        return new RestResponse(status, JsonViews.errors(text), Map.of(), null);
    }

    RestResponse withHeader(String name, String value) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.put(name, value);
        return new RestResponse(status, json, Map.copyOf(merged), afterWrite);
    }

    RestResponse thenRun(Runnable action) {
        return new RestResponse(status, json, headers, action);
    }

    /** A new Netty response; the caller decides about keep-alive. */
    FullHttpResponse toHttp() {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        headers.forEach(response.headers()::set);
        return response;
    }
}
