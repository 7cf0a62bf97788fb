package dev.spindle.yarn.client;

import dev.spindle.runtime.cli.CliContext;
import dev.spindle.runtime.cli.DeploymentTarget;
import dev.spindle.runtime.client.JobExecutor;

/** {@code bin/run -m yarn-cluster}: each job runs in its own YARN application (job mode). */
public final class YarnDeploymentTarget implements DeploymentTarget {

    @Override
    public String name() {
        return "yarn-cluster";
    }

    @Override
    public JobExecutor createExecutor(CliContext context) {
        return new YarnJobExecutor(context);
    }
}
