package dev.spindle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JobManager's REST API on a real cluster: upload the examples jar, run WordCount, follow it, list. */
class RestApiITCase {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String base;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    @Test
    void shouldUploadAJarRunItAndReportTheJob() throws Exception {
        Configuration conf = new Configuration().set(TaskManagerOptions.NUM_SLOTS, 2);
        try (LocalCluster cluster = LocalCluster.start(conf)) {
            base = "http://127.0.0.1:" + cluster.restPort();
            assertEquals("1", field(get("/overview"), "taskmanagers"));
            assertTrue(get("/taskmanagers").contains("\"slots\":2"));

            String id = field(upload(Path.of(CliRunner.examplesJar())), "id");
            assertTrue(get("/jars").contains(id));

            Path input = dir.resolve("in.txt");
            Files.writeString(input, "a b a\nc a\n");
            Path output = dir.resolve("out");
            String body = "{\"programArgs\": \"--input " + input + " --output " + output + "\", \"parallelism\": 2}";
            HttpResponse<String> run = send(HttpRequest.newBuilder(URI.create(base + "/jars/" + id + "/run"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(200, run.statusCode(), run.body());
            String jobId = field(run.body(), "jobid");

            String status = "";
            long deadline = System.currentTimeMillis() + 60_000;
            while (!status.equals("FINISHED") && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                status = field(get("/jobs/" + jobId), "status");
            }
            assertEquals("FINISHED", status);
            String details = get("/jobs/" + jobId);
            assertTrue(details.contains("\"parallelism\":2"), details);
            assertTrue(get("/jobs").contains(jobId));
            assertTrue(Files.exists(output.resolve("_SUCCESS")));

            HttpResponse<String> missing = send(HttpRequest.newBuilder(URI.create(base + "/jobs/nope")).GET());
            assertEquals(404, missing.statusCode());
        }
    }

    private String upload(Path jar) throws Exception {
        String boundary = "spindle-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
