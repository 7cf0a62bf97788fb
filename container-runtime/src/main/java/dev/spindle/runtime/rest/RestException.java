package dev.spindle.runtime.rest;

import io.netty.handler.codec.http.HttpResponseStatus;

/** Ends a request with an HTTP error status and a message for the client; thrown by handlers. */
final class RestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient HttpResponseStatus status;

    RestException(HttpResponseStatus status, String message) {
        super(message);
        this.status = status;
    }

    static RestException notFound(String message) {
        return new RestException(HttpResponseStatus.NOT_FOUND, message);
    }

    static RestException badRequest(String message) {
        return new RestException(HttpResponseStatus.BAD_REQUEST, message);
    }

    HttpResponseStatus status() {
        return status;
    }
}
