package dev.spindle.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliArgumentsTest {

    @Test
    void shouldSplitSpindleOptionsFromProgramArguments() {
        CliArguments cli = CliArguments.parse(new String[] {"-p", "4", "-D", "a=b", "-tm", "512", "job.jar", "-p", "x"});
        assertEquals(CliArguments.Action.RUN, cli.action());
        assertEquals(4, cli.parallelism());
        assertEquals("b", cli.dynamicProperties().get("a"));
        assertEquals("512m", cli.dynamicProperties().get("taskmanager.memory.process.size"));
        assertEquals("job.jar", cli.jarPath());
        assertEquals(List.of("-p", "x"), cli.programArgs());
        assertNull(cli.target(), "no -m: the CLI picks a session or the embedded cluster");
    }

    @Test
    void shouldParseListAndCancelAgainstANamedSession() {
        CliArguments list = CliArguments.parse(new String[] {"-yid", "application_1_0001", "--list"});
        assertEquals(CliArguments.Action.LIST, list.action());
        assertEquals("application_1_0001", list.dynamicProperties().get("yarn.application.id"));
        CliArguments cancel = CliArguments.parse(new String[] {"--cancel", "abc"});
        assertEquals(CliArguments.Action.CANCEL, cancel.action());
        assertEquals("abc", cancel.jobIdToCancel());
    }

    @Test
    void shouldRejectMistakesWithOneLine() {
        var e = assertThrows(CliArguments.UsageException.class, () -> CliArguments.parse(new String[] {"--list", "x.jar"}));
        assertTrue(e.getMessage().contains("Unexpected argument 'x.jar'"), e.getMessage());
        assertThrows(CliArguments.UsageException.class, () -> CliArguments.parse(new String[] {"--cancel"}));
        assertThrows(CliArguments.UsageException.class, () -> CliArguments.parse(new String[] {"-p", "0", "j.jar"}));
        assertThrows(CliArguments.UsageException.class, () -> CliArguments.parse(new String[] {"-p", "2"}));
    }
}
