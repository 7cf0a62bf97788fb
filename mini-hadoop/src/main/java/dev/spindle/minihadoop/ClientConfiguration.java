package dev.spindle.minihadoop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * What a client in another JVM needs to use a {@link MiniHadoop}: the live values of a fixed set of
 * keys, split into core-site.xml, hdfs-site.xml and yarn-site.xml as HADOOP_CONF_DIR expects. Only
 * these keys are written, so the files read like a small real cluster's configuration rather than a
 * dump of every default and minicluster internal.
 */
final class ClientConfiguration {

    static final List<String> CORE_KEYS = List.of("fs.defaultFS");

    static final List<String> HDFS_KEYS = List.of(
            "dfs.replication",
            "dfs.client.block.write.replace-datanode-on-failure.enable",
            "dfs.namenode.rpc-address",
            "dfs.namenode.http-address");

    static final List<String> YARN_KEYS = List.of(
            YarnConfiguration.RM_HOSTNAME,
            YarnConfiguration.RM_ADDRESS,
            YarnConfiguration.RM_SCHEDULER_ADDRESS,
            YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS,
            YarnConfiguration.RM_ADMIN_ADDRESS,
            YarnConfiguration.RM_WEBAPP_ADDRESS,
            YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB,
            YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB,
            YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_VCORES,
            YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_VCORES,
            YarnConfiguration.RM_AM_MAX_ATTEMPTS,
            YarnConfiguration.NM_PMEM_CHECK_ENABLED,
            YarnConfiguration.NM_VMEM_CHECK_ENABLED,
            YarnConfiguration.LOG_AGGREGATION_ENABLED,
            YarnConfiguration.TIMELINE_SERVICE_ENABLED,
            YarnConfiguration.YARN_APPLICATION_CLASSPATH);

    private final Configuration core;
    private final Configuration hdfs;
    private final Configuration yarn;

    private ClientConfiguration(Configuration core, Configuration hdfs, Configuration yarn) {
        this.core = core;
        this.hdfs = hdfs;
        this.yarn = yarn;
    }

    /** Takes the keys from a started cluster's configuration; every address must be concrete by then. */
    static ClientConfiguration of(Configuration live) {
        return new ClientConfiguration(select(live, CORE_KEYS), select(live, HDFS_KEYS), select(live, YARN_KEYS));
    }

    /** All three files' keys in one configuration without defaults. */
    Configuration merged() {
        Configuration merged = new Configuration(false);
        for (Configuration part : List.of(core, hdfs, yarn)) {
            part.forEach(entry -> merged.set(entry.getKey(), entry.getValue()));
        }
        return merged;
    }

    void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(core, dir.resolve("core-site.xml"));
        write(hdfs, dir.resolve("hdfs-site.xml"));
        write(yarn, dir.resolve("yarn-site.xml"));
    }

    private static Configuration select(Configuration live, List<String> keys) {
        Configuration selected = new Configuration(false);
        for (String key : keys) {
            String value = live.get(key);
            if (value == null) {
                throw new IllegalStateException("The cluster's configuration has no value for " + key);
            }
            if (value.endsWith(":0")) {
                throw new IllegalStateException(key + " is still ephemeral (" + value + "); is the cluster started?");
            }
            selected.set(key, value);
        }
        return selected;
    }

    /** Through a temporary file, so a reader never sees half a file. */
    private static void write(Configuration conf, Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            conf.writeXml(out);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
