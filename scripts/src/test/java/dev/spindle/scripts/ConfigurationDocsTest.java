package dev.spindle.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spindle.runtime.config.ConfigDocs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs where every module's options are on the classpath (this module depends on all of them). */
class ConfigurationDocsTest {

    /** docs/configuration.md must match the options in the code; -Dspindle.docs.regenerate=true rewrites it. */
    @Test
    void shouldKeepTheReferenceDocumentInSyncWithTheCode() throws Exception {
        Path doc = Path.of("..", "docs", "configuration.md");
        String generated = ConfigDocs.markdown();
        if (Boolean.getBoolean("spindle.docs.regenerate")) {
            Files.writeString(doc, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(doc, StandardCharsets.UTF_8),
                "docs/configuration.md is stale; regenerate with: "
                        + "mvn -pl scripts test -Dtest=ConfigurationDocsTest -Dspindle.docs.regenerate=true");
    }
}
