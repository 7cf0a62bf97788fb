package dev.spindle.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** A real HTTP client (java.net.http, HTTP/1.1) for a {@link RestServer} on loopback; checks every reply is JSON. */
final class RestTestClient {

    /** One HTTP reply with its parsed JSON body. */
    record Reply(int status, String body, HttpHeaders headers) {

        Map<String, Object> json() {
            return JsonParser.parseObject(body);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String field) {
            return (List<Map<String, Object>>) json().get(field);
        }

        /** The single message of an {@code {"errors": [...]}} body. */
        String error() {
            List<?> errors = (List<?>) json().get("errors");
            assertEquals(1, errors.size(), body);
            return (String) errors.get(0);
        }
    }

    private static final String BOUNDARY = "----spindle-test-boundary";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    RestTestClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    Reply patch(String path) {
        return send(request(path).method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Uploads with {@code filename="<fileName>"}, the name sent verbatim. */
    Reply upload(String fileName, byte[] content) {
        return uploadWithFileParameter("filename=\"" + fileName + "\"", content);
    }

    /** Uploads with the given file name parameter(s) of the part's Content-Disposition, e.g. {@code filename*=...}. */
    Reply uploadWithFileParameter(String fileParameter, byte[] content) {
        return send(request("/jars/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fileParameter, content))));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            // sendAsync + get: the JDK 17 client can ignore its own request timeout (e.g. on a refused 100-continue)
            HttpResponse<String> response = client.sendAsync(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    }

    /** A multipart/form-data body with one file part named "jarfile". */
    static byte[] multipart(String fileParameter, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"jarfile\"; " + fileParameter + "\r\n"
                + "Content-Type: application/java-archive\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A small valid jar with a manifest and one entry. */
    static byte[] jarBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue("Main-Class", "example.WordCount");
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("example/readme.txt"));
            jar.write("hello".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
