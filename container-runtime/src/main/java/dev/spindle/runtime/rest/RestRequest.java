package dev.spindle.runtime.rest;

import io.netty.handler.codec.http.FullHttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One routed request as a handler sees it. The underlying Netty request (and so {@link #body()})
 * is only valid while the handler runs on the I/O thread; read what you need before returning.
 */
record RestRequest(FullHttpRequest http, Map<String, String> pathParams, Map<String, List<String>> queryParams) {

    String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("Route has no path parameter {" + name + "}");
        }
        return value;
    }

    /** The first value of a query parameter, or null if absent. */
    String queryParam(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String body() {
        return http.content().toString(StandardCharsets.UTF_8);
    }
}
