package dev.spindle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.cluster.LocalCluster;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JobManager's REST API on a real cluster: upload the examples jar, run WordCount, follow it, list. */
class RestApiITCase {

    @TempDir
    Path dir;

    private TestingRestClient rest;

    private String get(String path) throws Exception {
        HttpResponse<String> r = rest.get(path);
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static String field(String json, String name) {
        String value = TestingRestClient.field(json, name);
        assertNotNull(value, name + " in " + json);
        return value;
    }

    @Test
    void shouldUploadAJarRunItAndReportTheJob() throws Exception {
        Configuration conf = new Configuration().set(TaskManagerOptions.NUM_SLOTS, 2);
        try (LocalCluster cluster = LocalCluster.start(conf)) {
            rest = new TestingRestClient("http://127.0.0.1:" + cluster.restPort());
            assertEquals("1", field(get("/overview"), "taskmanagers"));
            assertTrue(get("/taskmanagers").contains("\"slots\":2"));

            HttpResponse<String> uploaded = rest.upload(Path.of(CliRunner.examplesJar()));
            assertEquals(200, uploaded.statusCode(), uploaded.body());
            String id = field(uploaded.body(), "id");
            assertTrue(get("/jars").contains(id));

            Path input = dir.resolve("in.txt");
            Files.writeString(input, "a b a\nc a\n");
            Path output = dir.resolve("out");
            String body = "{\"programArgs\": \"--input " + input + " --output " + output + "\", \"parallelism\": 2}";
            HttpResponse<String> run = rest.postJson("/jars/" + id + "/run", body);
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

            HttpResponse<String> missing = rest.get("/jobs/nope");
            assertEquals(404, missing.statusCode());
        }
    }
}
