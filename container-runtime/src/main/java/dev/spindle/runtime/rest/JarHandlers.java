package dev.spindle.runtime.rest;

import dev.spindle.runtime.rest.ClusterView.JarRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The jar endpoints: upload, list and run. Uploads are written to disk on the I/O thread (the
 * body is already in memory); running hands the stored jar's path to {@link ClusterView#runJar}.
 */
final class JarHandlers {

    private final JarStore jars;
    private final ClusterView cluster;

    JarHandlers(JarStore jars, ClusterView cluster) {
        this.jars = jars;
        this.cluster = cluster;
    }

    /** {@code POST /jars/upload} with a multipart body holding one .jar file. */
    CompletableFuture<RestResponse> upload(RestRequest request) throws IOException {
        JarStore.StoredJar jar = MultipartUploads.readSingleFile(request.http(), jars::store);
        return CompletableFuture.completedFuture(RestResponse.ok(JsonViews.uploaded(jar)));
    }

    /** {@code GET /jars} */
    CompletableFuture<RestResponse> list(RestRequest request) throws IOException {
        return CompletableFuture.completedFuture(RestResponse.ok(JsonViews.jars(jars.list())));
    }

    /**
     * {@code POST /jars/{id}/run} with an optional JSON body:
     * {@code {"entryClass": "a.B", "programArgs": "--in x" or ["--in", "x"], "parallelism": 4}}.
     */
    CompletableFuture<RestResponse> run(RestRequest request) throws IOException {
        String id = request.pathParam("id");
        JarStore.StoredJar jar = jars.find(id).orElseThrow(() -> RestException.notFound("Jar " + id + " not found"));
        JarRun run = parseRun(jar, request.body());
        return cluster.runJar(run).thenApply(jobId -> RestResponse.ok(JsonViews.jobId(jobId)));
    }

    static JarRun parseRun(JarStore.StoredJar jar, String body) {
        Map<String, Object> fields;
        try {
            fields = body.isBlank() ? Map.of() : JsonParser.parseObject(body);
        } catch (JsonParser.ParseException e) {
            throw RestException.badRequest("Malformed JSON body: " + e.getMessage());
        }
        return new JarRun(jar.path(), entryClass(fields.get("entryClass")), programArgs(fields.get("programArgs")),
                parallelism(fields.get("parallelism")));
    }

    private static String entryClass(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw RestException.badRequest("entryClass must be a string");
        }
        return s.isBlank() ? null : s.trim();
    }

    private static List<String> programArgs(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
        }
        if (value instanceof List<?> list) {
            List<String> args = new ArrayList<>();
            for (Object arg : list) {
                if (!(arg instanceof String s)) {
                    throw RestException.badRequest("programArgs must be a string or an array of strings");
                }
                args.add(s);
            }
            return args;
        }
        throw RestException.badRequest("programArgs must be a string or an array of strings");
    }

    private static Integer parallelism(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long n && n > 0 && n <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        if (value instanceof String s && s.matches("[1-9][0-9]{0,8}")) {
            return Integer.parseInt(s);
        }
        throw RestException.badRequest("parallelism must be a positive integer, not " + value);
    }
}
