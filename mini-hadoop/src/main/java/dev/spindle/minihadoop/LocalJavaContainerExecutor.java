package dev.spindle.minihadoop;

import org.apache.hadoop.yarn.api.ApplicationConstants.Environment;
import org.apache.hadoop.yarn.server.nodemanager.DefaultContainerExecutor;

/**
 * The NodeManagers' container executor: the default one, except that containers find {@code
 * JAVA_HOME} and {@code HADOOP_CONF_DIR} even when this JVM's environment lacks them.
 *
 * <p>A NodeManager starts containers with an empty environment and copies only the whitelisted
 * variables (yarn.nodemanager.env-whitelist) from its own process environment, for those the
 * application did not set. On a real cluster yarn-env.sh provides them; a MiniYARNCluster inside a
 * test or {@code bin/mini-hadoop} JVM often has no JAVA_HOME, and then a container command {@code
 * $JAVA_HOME/bin/java} fails with exit code 127. Here they come from the configuration instead: this
 * JVM's java.home and the directory of the client configuration the cluster wrote.
 */
public class LocalJavaContainerExecutor extends DefaultContainerExecutor {

    static final String JAVA_HOME_KEY = "spindle.mini-hadoop.container.java-home";
    static final String HADOOP_CONF_DIR_KEY = "spindle.mini-hadoop.container.hadoop-conf-dir";

    @Override
    protected String getNMEnvVar(String name) {
        if (Environment.JAVA_HOME.name().equals(name)) {
            return getConf().get(JAVA_HOME_KEY, super.getNMEnvVar(name));
        }
        if (Environment.HADOOP_CONF_DIR.name().equals(name)) {
            return getConf().get(HADOOP_CONF_DIR_KEY, super.getNMEnvVar(name));
        }
        return super.getNMEnvVar(name);
    }
}
