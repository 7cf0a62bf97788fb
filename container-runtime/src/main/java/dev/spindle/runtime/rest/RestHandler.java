package dev.spindle.runtime.rest;

import java.util.concurrent.CompletableFuture;

/**
 * Serves one route. Called on a Netty I/O thread; must not block on the cluster. Throwing (or
 * failing the future with) a {@link RestException} sends its status; anything else becomes 500.
 */
@FunctionalInterface
interface RestHandler {

    CompletableFuture<RestResponse> handle(RestRequest request) throws Exception;
}
