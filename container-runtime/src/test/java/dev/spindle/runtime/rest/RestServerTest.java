package dev.spindle.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.client.JobStatus;
import dev.spindle.runtime.rest.ClusterView.JobDetails;
import dev.spindle.runtime.rest.ClusterView.JobSummary;
import dev.spindle.runtime.rest.ClusterView.TaskManagerInfo;
import dev.spindle.runtime.rest.ClusterView.VertexDetails;
import dev.spindle.runtime.task.ExecutionState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster endpoints, routing and error handling of {@link RestServer}, over real HTTP on loopback. */
class RestServerTest {

    private static final String TRICKY = "Word \"count\"\n\t\\ über 日本 😀";

    @TempDir
    Path tmp;

    private final TestingClusterView cluster = new TestingClusterView();
    private RestServer server;
    private RestTestClient client;

    @BeforeEach
    void start() throws Exception {
        server = new RestServer(RestServerConfig.of("127.0.0.1", 0, tmp.resolve("uploads")), cluster);
        client = new RestTestClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldServeTheOverview() {
        RestTestClient.Reply reply = client.get("/overview");
        assertEquals(200, reply.status());
        assertEquals(Map.of("taskmanagers", 2L, "slots-total", 8L, "slots-available", 3L, "jobs-running", 1L,
                "jobs-finished", 4L, "jobs-failed", 2L, "jobs-cancelled", 1L, "spindle-version", "0.1.0-test"),
                reply.json());
    }

    @Test
    void shouldListJobsWithTimesAndDurations() {
        cluster.jobs.add(new JobSummary("a1", "Finished one", JobStatus.FINISHED, 1_000, 4_500));
        long now = System.currentTimeMillis();
        cluster.jobs.add(new JobSummary("b2", "Running one", JobStatus.RUNNING, now - 10_000, -1));

        List<Map<String, Object>> jobs = client.get("/jobs").list("jobs");

        assertEquals(Map.of("id", "a1", "name", "Finished one", "status", "FINISHED", "start-time", 1_000L,
                "end-time", 4_500L, "duration", 3_500L), jobs.get(0));
        assertEquals("RUNNING", jobs.get(1).get("status"));
        assertEquals(-1L, jobs.get(1).get("end-time"));
        assertTrue((Long) jobs.get(1).get("duration") >= 10_000L, jobs.get(1).toString());
    }

    @Test
    void shouldServeJobDetailsWithVerticesAndFailure() {
        cluster.jobDetails.put("f00", new JobDetails("f00", "PageRank", JobStatus.FAILED, 100, 350,
                List.of(new VertexDetails("v1", "Source: edges", 4, ExecutionState.FINISHED, 0, 10, 0, 800),
                        new VertexDetails("v2", "Reduce", 2, ExecutionState.FAILED, 10, 3, 800, 99)),
                "Operator 'Reduce' threw java.lang.ArithmeticException: / by zero"));

        RestTestClient.Reply reply = client.get("/jobs/f00");

        assertEquals(200, reply.status());
        Map<String, Object> job = reply.json();
        assertEquals("FAILED", job.get("status"));
        assertEquals(250L, job.get("duration"));
        assertEquals("Operator 'Reduce' threw java.lang.ArithmeticException: / by zero", job.get("failure"));
        assertEquals(Map.of("id", "v2", "name", "Reduce", "parallelism", 2L, "status", "FAILED", "records-in", 10L,
                "records-out", 3L, "bytes-in", 800L, "bytes-out", 99L), reply.list("vertices").get(1));
    }

    @Test
    void shouldWriteNullFailureForJobsThatDidNotFail() {
        cluster.jobDetails.put("ok", new JobDetails("ok", "n", JobStatus.RUNNING, 1, -1, List.of(), null));
        Map<String, Object> job = client.get("/jobs/ok").json();
        assertTrue(job.containsKey("failure"));
        assertNull(job.get("failure"));
        assertEquals(List.of(), job.get("vertices"));
    }

    @Test
    void shouldAnswer404ForAnUnknownJob() {
        RestTestClient.Reply reply = client.get("/jobs/nope");
        assertEquals(404, reply.status());
        assertEquals("Job nope not found", reply.error());
    }

    @Test
    void shouldCancelAJobWith202() {
        cluster.jobDetails.put("j1", new JobDetails("j1", "n", JobStatus.RUNNING, 1, -1, List.of(), null));
        assertEquals(202, client.patch("/jobs/j1?mode=cancel").status());
        assertEquals(202, client.patch("/jobs/j1").status());
        assertEquals(List.of("j1", "j1"), cluster.cancelRequests);
    }

    @Test
    void shouldAnswer404WhenCancellingAnUnknownJobAnd400ForOtherModes() {
        assertEquals(404, client.patch("/jobs/nope?mode=cancel").status());
        RestTestClient.Reply reply = client.patch("/jobs/j1?mode=stop");
        assertEquals(400, reply.status());
        assertTrue(reply.error().contains("'stop'"), reply.error());
        assertEquals(List.of("nope"), cluster.cancelRequests);
    }

    @Test
    void shouldListTaskManagers() {
        cluster.taskManagers.add(new TaskManagerInfo("tm-1", "node7:41234", 4, 1, 1_700_000_000_000L));
        List<Map<String, Object>> tms = client.get("/taskmanagers").list("taskmanagers");
        assertEquals(List.of(Map.of("id", "tm-1", "address", "node7:41234", "slots", 4L, "free-slots", 1L,
                "last-heartbeat", 1_700_000_000_000L)), tms);
    }

    @Test
    void shouldShutDownTheClusterOnlyAfterAnswering202() throws Exception {
        RestTestClient.Reply reply = client.delete("/cluster");
        assertEquals(202, reply.status());
        assertEquals(Map.of(), reply.json());
        cluster.shutDownRequested.get(5, TimeUnit.SECONDS);
    }

    @Test
    void shouldLetTheClusterCloseTheServerFromItsOwnIoThreadDuringShutdown() throws Exception {
        cluster.onShutDown = server::close;
        int port = server.port();
        assertEquals(202, client.delete("/cluster").status());
        cluster.shutDownRequested.get(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (isListening(port) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(isListening(port));
    }

    @Test
    void shouldAnswer404ForUnknownRoutesAnd405ForWrongMethods() {
        RestTestClient.Reply unknown = client.get("/no/such/thing");
        assertEquals(404, unknown.status());
        assertEquals("Not found: /no/such/thing", unknown.error());

        RestTestClient.Reply wrong = client.delete("/jobs/x");
        assertEquals(405, wrong.status());
        assertEquals("GET, PATCH", wrong.headers().firstValue("Allow").orElse(null));
        assertEquals(405, client.get("/jars/upload").status());
        assertEquals(405, client.post("/overview", "{}").status());
    }

    @Test
    void shouldTolerateATrailingSlash() {
        assertEquals(200, client.get("/overview/").status());
    }

    @Test
    void shouldEscapeQuotesNewlinesAndUnicodeInJobNames() {
        cluster.jobs.add(new JobSummary("q", TRICKY, JobStatus.RUNNING, 1, -1));
        RestTestClient.Reply reply = client.get("/jobs");
        assertTrue(reply.body().contains("Word \\\"count\\\"\\n\\t\\\\ über 日本 😀"), reply.body());
        assertEquals(TRICKY, reply.list("jobs").get(0).get("name"));
    }

    @Test
    void shouldAnswer500WithAMessageWhenTheClusterViewThrows() {
        cluster.jobsBehaviour = () -> {
            throw new IllegalStateException("JobManager \"main\" thread is gone");
        };
        RestTestClient.Reply thrown = client.get("/jobs");
        assertEquals(500, thrown.status());
        assertTrue(thrown.error().contains("JobManager \"main\" thread is gone"), thrown.error());

        cluster.jobsBehaviour = () -> CompletableFuture.failedFuture(new RuntimeException("boom\nline two"));
        RestTestClient.Reply failed = client.get("/jobs");
        assertEquals(500, failed.status());
        assertTrue(failed.error().endsWith("boom\nline two"), failed.error());
        assertEquals(200, client.get("/overview").status());
    }

    @Test
    void shouldAnswer503WhenTheClusterDoesNotAnswerInTime() throws Exception {
        cluster.jobsBehaviour = CompletableFuture::new;
        try (RestServer impatient = new RestServer(RestServerConfig.of("127.0.0.1", 0, tmp.resolve("uploads"))
                .withRequestTimeout(Duration.ofMillis(200)), cluster)) {
            RestTestClient.Reply reply = new RestTestClient(impatient.port()).get("/jobs");
            assertEquals(503, reply.status());
            assertTrue(reply.error().contains("did not answer within 200 ms"), reply.error());
        }
    }

    @Test
    void shouldAnswerPipelinedRequestsInOrder() throws Exception {
        CompletableFuture<List<JobSummary>> slowJobs = new CompletableFuture<>();
        cluster.jobsBehaviour = () -> slowJobs;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /jobs HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /overview HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
            slowJobs.complete(List.of());
            String replies = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int jobs = replies.indexOf("{\"jobs\":[]}");
            int overview = replies.indexOf("\"taskmanagers\":2");
            assertTrue(jobs > 0 && overview > jobs, replies);
        }
    }

    @Test
    void shouldStopServingWhenClosed() {
        int port = server.port();
        server.close();
        server.close();
        assertFalse(isListening(port));
    }

    private static boolean isListening(int port) {
        try {
            new Socket("127.0.0.1", port).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
