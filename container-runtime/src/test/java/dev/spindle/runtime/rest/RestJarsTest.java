package dev.spindle.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.rest.ClusterView.JarRun;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Upload, listing and running of jars through {@link RestServer}, checked on the file system too. */
class RestJarsTest {

    private static final long MAX_UPLOAD = 64 * 1024;

    @TempDir
    Path tmp;

    private final TestingClusterView cluster = new TestingClusterView();
    private Path uploads;
    private RestServer server;
    private RestTestClient client;

    @BeforeEach
    void start() throws Exception {
        uploads = tmp.resolve("work").resolve("uploads");
        server = new RestServer(RestServerConfig.of("127.0.0.1", 0, uploads).withMaxUploadBytes(MAX_UPLOAD), cluster);
        client = new RestTestClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldStoreAnUploadedJarUnderAnIdBasedName() throws Exception {
        byte[] jar = RestTestClient.jarBytes();
        RestTestClient.Reply reply = client.upload("word-count.jar", jar);

        assertEquals(200, reply.status(), reply.body());
        Map<String, Object> json = reply.json();
        String id = (String) json.get("id");
        assertTrue(id.matches("[0-9a-f-]{36}_word-count\\.jar"), id);
        assertEquals(Map.of("id", id, "filename", "word-count.jar", "status", "success"), json);
        assertArrayEquals(jar, Files.readAllBytes(uploads.resolve(id)));
        assertEquals(List.of(uploads.resolve(id)), filesUnder(tmp));
    }

    @Test
    void shouldListUploadedJars() {
        String id = uploadedJarId("a.jar");
        List<Map<String, Object>> files = client.get("/jars").list("files");
        assertEquals(1, files.size());
        Map<String, Object> file = files.get(0);
        assertEquals(id, file.get("id"));
        assertEquals("a.jar", file.get("name"));
        assertEquals((long) RestTestClient.jarBytes().length, file.get("size"));
        long uploaded = (Long) file.get("uploaded");
        assertTrue(Math.abs(System.currentTimeMillis() - uploaded) < 60_000, file.toString());
    }

    @Test
    void shouldReplaceOddCharactersInTheStoredName() {
        String id = uploadedJarId("my job (v2) ü;x.jar");
        assertTrue(id.endsWith("_my_job__v2____x.jar"), id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../evil.jar", "..\\x.jar", "..\\\\x.jar", "/etc/evil.jar", "sub/evil.jar",
            "..", "evil..jar", "\\..\\..\\evil.jar"})
    void shouldKeepMaliciousFileNamesOutOfTheFileSystem(String fileName) throws Exception {
        RestTestClient.Reply reply = client.upload(fileName, RestTestClient.jarBytes());
        assertEquals(400, reply.status(), reply.body());
        assertEquals(List.of(), filesUnder(tmp));
    }

    @ParameterizedTest
    @ValueSource(strings = {"filename*=UTF-8''..%2F..%2Fevil.jar", "filename*=UTF-8''%2Fetc%2Fevil.jar",
            "filename=\"ok.jar\"; filename*=UTF-8''..%2Fevil.jar", "filename=../evil.jar"})
    void shouldRejectMaliciousNamesInAnyFileNameSyntax(String fileParameter) throws Exception {
        RestTestClient.Reply reply = client.uploadWithFileParameter(fileParameter, RestTestClient.jarBytes());
        assertEquals(400, reply.status(), reply.body());
        assertEquals(List.of(), filesUnder(tmp));
    }

    /** Netty's multipart decoder drops backslashes from file names; what is left is stored inside the directory. */
    @ParameterizedTest
    @ValueSource(strings = {"C:\\evil.jar", "C:\\\\evil.jar", "\\etc\\evil.jar"})
    void shouldKeepBackslashNamesInsideTheUploadDir(String fileName) throws Exception {
        RestTestClient.Reply reply = client.upload(fileName, RestTestClient.jarBytes());
        assertEquals(200, reply.status(), reply.body());
        List<Path> files = filesUnder(tmp);
        assertEquals(1, files.size());
        assertEquals(uploads, files.get(0).getParent());
        assertTrue(((String) reply.json().get("id")).matches("[0-9a-f-]{36}_[A-Za-z0-9._-]+"), reply.body());
    }

    @Test
    void shouldRejectFilesThatAreNotJars() throws Exception {
        RestTestClient.Reply reply = client.upload("notes.txt", new byte[] {1, 2, 3});
        assertEquals(400, reply.status());
        assertTrue(reply.error().contains(".jar"), reply.error());
        assertEquals(400, client.post("/jars/upload", "{}").status());
        assertEquals(List.of(), filesUnder(tmp));
    }

    @Test
    void shouldAnswer413ForAnOversizedUpload() throws Exception {
        RestTestClient.Reply reply = client.upload("big.jar", new byte[(int) MAX_UPLOAD + 1]);
        assertEquals(413, reply.status());
        assertTrue(reply.error().contains(MAX_UPLOAD + " bytes"), reply.error());
        assertEquals(List.of(), filesUnder(tmp));
        assertEquals(200, client.get("/jars").status());
    }

    /** Raw socket: the JDK 17 HttpClient never completes when a 100-continue is refused. */
    @Test
    void shouldRefuseAnOversizedUploadBeforeItsBodyWhenTheClientExpects100Continue() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("POST /jars/upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + MAX_UPLOAD * 4 + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[4096];
            int n = socket.getInputStream().read(buffer);
            String reply = new String(buffer, 0, n, StandardCharsets.UTF_8);
            assertTrue(reply.startsWith("HTTP/1.1 413 "), reply);
            assertTrue(reply.contains("content-type: application/json"), reply);
            assertTrue(reply.endsWith("{\"errors\":[\"Request body is larger than the limit of " + MAX_UPLOAD
                    + " bytes\"]}"), reply);
        }
        assertEquals(List.of(), filesUnder(tmp));
    }

    @Test
    void shouldRunAnUploadedJarWithItsArguments() {
        String id = uploadedJarId("job.jar");
        RestTestClient.Reply reply = client.post("/jars/" + id + "/run",
                "{\"entryClass\": \"example.WordCount\", \"programArgs\": \" --input  in.txt\\t--n 3 \","
                        + " \"parallelism\": 4}");

        assertEquals(200, reply.status(), reply.body());
        JarRun run = cluster.runRequests.get(0);
        assertEquals(Map.of("jobid", "job-" + id.hashCode()), reply.json());
        assertEquals(uploads.toAbsolutePath().resolve(id), run.jar());
        assertEquals("example.WordCount", run.entryClass());
        assertEquals(List.of("--input", "in.txt", "--n", "3"), run.programArgs());
        assertEquals(4, run.parallelism());
    }

    @Test
    void shouldRunWithDefaultsOrArgumentArrays() {
        String id = uploadedJarId("job.jar");
        assertEquals(200, client.post("/jars/" + id + "/run", "").status());
        assertEquals(200, client.post("/jars/" + id + "/run", "{\"programArgs\": [\"a b\", \"\\\"c\\\"\"]}").status());

        JarRun defaults = cluster.runRequests.get(0);
        assertNull(defaults.entryClass());
        assertNull(defaults.parallelism());
        assertEquals(List.of(), defaults.programArgs());
        assertEquals(List.of("a b", "\"c\""), cluster.runRequests.get(1).programArgs());
    }

    @Test
    void shouldAnswer400ForMalformedRunRequests() {
        String id = uploadedJarId("job.jar");
        assertEquals(400, client.post("/jars/" + id + "/run", "{\"parallelism\": 0}").status());
        assertEquals(400, client.post("/jars/" + id + "/run", "{\"parallelism\": 1.5}").status());
        assertEquals(400, client.post("/jars/" + id + "/run", "{\"programArgs\": [1]}").status());
        RestTestClient.Reply reply = client.post("/jars/" + id + "/run", "{\"entryClass\": ");
        assertEquals(400, reply.status());
        assertTrue(reply.error().startsWith("Malformed JSON body"), reply.error());
        assertEquals(List.of(), cluster.runRequests);
    }

    @Test
    void shouldAnswer404ForUnknownJarIds() throws Exception {
        Files.write(tmp.resolve("secret.jar"), new byte[] {42});
        Files.write(tmp.resolve("work").resolve("secret.jar"), new byte[] {42});
        String validLooking = "00000000-0000-0000-0000-000000000000_";
        for (String id : List.of("nope.jar", validLooking + "missing.jar", "..", "..%2Fsecret.jar",
                "..%2F..%2Fsecret.jar", validLooking + "..%2F..%2Fsecret.jar", "%2E%2E%2Fsecret.jar",
                "..%5Csecret.jar", validLooking + "..jar")) {
            RestTestClient.Reply reply = client.post("/jars/" + id + "/run", "{}");
            assertEquals(404, reply.status(), id + " -> " + reply.body());
        }
        assertEquals(List.of(), cluster.runRequests);
    }

    @Test
    void shouldReturnTheProgramsErrorAs400WithEscapedMessage() {
        String id = uploadedJarId("job.jar");
        String message = "Entry class \"example.Missing\" not found\n\tin job.jar — check ü";
        cluster.runJarBehaviour = run -> CompletableFuture.failedFuture(new JarRunException(message));

        RestTestClient.Reply reply = client.post("/jars/" + id + "/run", "{\"entryClass\": \"example.Missing\"}");

        assertEquals(400, reply.status());
        assertEquals(message, reply.error());
        assertTrue(reply.body().contains("\\\"example.Missing\\\" not found\\n\\tin"), reply.body());
    }

    private String uploadedJarId(String fileName) {
        RestTestClient.Reply reply = client.upload(fileName, RestTestClient.jarBytes());
        assertEquals(200, reply.status(), reply.body());
        return (String) reply.json().get("id");
    }

    private static List<Path> filesUnder(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
