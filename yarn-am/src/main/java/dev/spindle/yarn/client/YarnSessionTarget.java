package dev.spindle.yarn.client;

import dev.spindle.runtime.cli.CliContext;
import dev.spindle.runtime.cli.DeploymentTarget;
import dev.spindle.runtime.client.ClusterClient;
import dev.spindle.runtime.client.JobExecutor;
import dev.spindle.runtime.config.Configuration;

/**
 * {@code bin/run -m yarn-session} — and {@code bin/run} without {@code -m} when a session is
 * recorded or {@code -yid} names one: jobs go to a running YARN session started by
 * {@code bin/yarn-session}.
 */
public final class YarnSessionTarget implements DeploymentTarget {

    @Override
    public String name() {
        return "yarn-session";
    }

    @Override
    public boolean isDefault(Configuration config) {
        return YarnSessionLocator.isConfigured(config);
    }

    @Override
    public JobExecutor createExecutor(CliContext context) {
        return new YarnSessionJobExecutor(context);
    }

    @Override
    public ClusterClient connect(Configuration config) throws Exception {
        try (YarnSessionLocator locator = new YarnSessionLocator(config)) {
            return locator.connect(locator.locateRunning());
        }
    }
}
