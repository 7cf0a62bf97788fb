package dev.spindle.runtime.rest;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a method and a decoded path to a {@link RestHandler}. Templates are paths such as
 * {@code /jobs/{id}}, where {@code {id}} matches exactly one non-empty segment. Built once, then
 * read-only, so it may be shared by all I/O threads.
 */
final class Router {

    /**
     * The handler for a request, or none: then {@code allowed} is empty (404) or lists the methods
     * the path does take (405).
     */
    record Match(RestHandler handler, Map<String, String> pathParams, Set<HttpMethod> allowed) {

        boolean found() {
            return handler != null;
        }
    }

    private record Route(HttpMethod method, List<String> template, RestHandler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(HttpMethod method, String template, RestHandler handler) {
        routes.add(new Route(method, segments(template), handler));
        return this;
    }

    Match route(HttpMethod method, List<String> path) {
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> params = match(route.template, path);
            if (params == null) {
                continue;
            }
            if (route.method.equals(method)) {
                return new Match(route.handler, params, Set.of());
            }
            allowed.add(route.method);
        }
        return new Match(null, Map.of(), allowed);
    }

    /** Splits a path on '/', dropping empty segments (so {@code /jobs/} is {@code /jobs}). */
    static List<String> segments(String path) {
        List<String> result = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                result.add(s);
            }
        }
        return result;
    }

    private static Map<String, String> match(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), path.get(i));
            } else if (!t.equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }
}
