package dev.spindle.runtime.cli;

import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.IllegalConfigurationException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The effective configuration of a command-line tool ({@code bin/run}, {@code bin/yarn-session}):
 * {@code spindle.yaml} from the configuration directory ({@code -Dspindle.conf.dir} or
 * {@code SPINDLE_CONF_DIR}), then the command line's settings on top. Unknown keys are warned about.
 */
public final class ConfigurationLoader {

    private ConfigurationLoader() {
    }

    /** Throws {@link IllegalConfigurationException} with one line saying what is wrong. */
    public static Configuration load(Map<String, String> overrides, PrintStream err) {
        Configuration config = new Configuration();
        String confDir = System.getProperty("spindle.conf.dir", System.getenv("SPINDLE_CONF_DIR"));
        if (confDir != null) {
            Path yaml = Path.of(confDir, "spindle.yaml");
            if (yaml.toFile().isFile()) {
                try {
                    config.addAll(Configuration.loadYaml(yaml));
                } catch (IOException | IllegalConfigurationException e) {
                    throw new IllegalConfigurationException("Cannot read " + yaml + ": " + e.getMessage());
                }
            }
        }
        overrides.forEach(config::setString);
        config.validate();
        for (String unknown : config.unknownKeys()) {
            err.println("Warning: unknown configuration key '" + unknown + "' (ignored)");
        }
        return config;
    }
}
