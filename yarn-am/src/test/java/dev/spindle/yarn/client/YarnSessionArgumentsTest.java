package dev.spindle.yarn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class YarnSessionArgumentsTest {

    @Test
    void shouldTurnOptionsIntoSettings() {
        YarnSessionArguments cli = YarnSessionArguments.parse(new String[] {"-tm", "1024", "-s", "4", "-n", "2",
                "-nm", "etl", "-qu", "batch", "-d", "-D", "rest.port=0", "-Dheartbeat.timeout-ms=5000"});
        assertEquals(YarnSessionArguments.Action.START, cli.action());
        assertTrue(cli.detached());
        assertEquals("1024m", cli.settings().get("taskmanager.memory.process.size"));
        assertEquals("4", cli.settings().get("taskmanager.numberOfTaskSlots"));
        assertEquals("2", cli.settings().get("resourcemanager.taskmanager.min-count"));
        assertEquals("etl", cli.settings().get("yarn.application.name"));
        assertEquals("batch", cli.settings().get("yarn.application.queue"));
        assertEquals("0", cli.settings().get("rest.port"));
        assertEquals("5000", cli.settings().get("heartbeat.timeout-ms"));
    }

    @Test
    void shouldParseStopWithAnApplicationId() {
        YarnSessionArguments cli = YarnSessionArguments.parse(new String[] {"--stop", "-yid", "application_1_0002"});
        assertEquals(YarnSessionArguments.Action.STOP, cli.action());
        assertEquals("application_1_0002", cli.settings().get("yarn.application.id"));
    }

    @Test
    void shouldRejectBadInputWithExitCodeTwo() {
        assertThrows(IllegalArgumentException.class, () -> YarnSessionArguments.parse(new String[] {"-s", "0"}));
        assertThrows(IllegalArgumentException.class, () -> YarnSessionArguments.parse(new String[] {"-n", "-1"}));
        assertThrows(IllegalArgumentException.class, () -> YarnSessionArguments.parse(new String[] {"--bogus"}));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new YarnSessionCli(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"-tm"});
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Error: Option -tm needs a value"));
    }
}
