package dev.spindle.yarn.client;

import dev.spindle.connectors.hdfs.HadoopFileSystems;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.yarn.YarnOptions;
import java.io.File;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/** The YARN client configuration: HADOOP_CONF_DIR's files, with short connect timeouts so a dead RM fails fast. */
final class HadoopClientConfig {

    private HadoopClientConfig() {
    }

    /** The cluster's settings as the client sees them (shipped to containers as they are). */
    static YarnConfiguration base() {
        YarnConfiguration conf = new YarnConfiguration(HadoopFileSystems.hadoopConfiguration());
        String confDir = HadoopFileSystems.hadoopConfDir();
        if (confDir != null) {
            File yarnSite = new File(confDir, "yarn-site.xml");
            if (yarnSite.isFile()) {
                conf.addResource(new Path(yarnSite.toURI()));
            }
        }
        return conf;
    }

    /** The settings for the client itself: as {@link #base()}, but failing fast when the RM is unreachable. */
    static YarnConfiguration create(Configuration spindleConf) {
        YarnConfiguration conf = base();
        long timeout = spindleConf.get(YarnOptions.RM_CONNECT_TIMEOUT);
        conf.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS, timeout);
        conf.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_RETRY_INTERVAL_MS, Math.min(1000, timeout));
        conf.setInt("ipc.client.connect.max.retries", 1);
        conf.setInt("ipc.client.connect.max.retries.on.timeouts", 1);
        return conf;
    }
}
