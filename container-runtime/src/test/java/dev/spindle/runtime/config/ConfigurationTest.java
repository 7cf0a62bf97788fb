package dev.spindle.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

    @Test
    void shouldKnowEveryDeclaredOption() {
        assertNotNull(ConfigOptionRegistry.find("execution.buffer-timeout"));
        assertNotNull(ConfigOptionRegistry.find("taskmanager.numberOfTaskSlots"));
        assertTrue(new Configuration().setString("execution.bufer-timeout", "1").unknownKeys()
                .contains("execution.bufer-timeout"));
    }

    @Test
    void shouldParseTypedValuesAndNameTheKeyOnBadOnes() {
        Configuration conf = new Configuration()
                .setString("taskmanager.memory.network", "128m")
                .setString("execution.buffer-timeout", "-1");
        assertEquals(128L << 20, conf.get(dev.spindle.runtime.taskmanager.TaskManagerOptions.NETWORK_MEMORY).bytes());
        assertEquals(-1L, conf.get(CoreOptions.BUFFER_TIMEOUT));
        conf.setString("pipeline.operator-chaining", "maybe");
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class, conf::validate);
        assertTrue(e.getMessage().contains("pipeline.operator-chaining"), e.getMessage());
        assertEquals(Duration.ofMillis(1500), ConfigOption.durationOption("x", "1500ms", "").defaultValue());
    }

    @Test
    void shouldReadFlatYaml(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("spindle.yaml");
        Files.writeString(yaml, "# comment\nparallelism.default: 3   # trailing\n\nlocal.taskmanager.jvm-options: \"-Xmx1g\"\n");
        Configuration conf = Configuration.loadYaml(yaml);
        assertEquals(3, conf.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals("-Xmx1g", conf.getString("local.taskmanager.jvm-options"));
        Files.writeString(yaml, "no colon here\n");
        assertThrows(IllegalConfigurationException.class, () -> Configuration.loadYaml(yaml));
    }
}
