package dev.spindle.minihadoop;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.nodemanager.ContainerExecutor;

/**
 * The server-side Hadoop settings of a {@link MiniHadoop}: small allocations so several JVM
 * containers fit, no virtual-memory check, no log aggregation, containers launched with this JVM's
 * Java, and all state under the base directory.
 */
record MiniHadoopSettings(Path baseDir, int nodeManagerMemoryMb, int nodeManagerVcores, boolean memoryEnforced) {

    static final int MINIMUM_ALLOCATION_MB = 256;

    /** Read by MiniYARNCluster instead of yarn.nodemanager.resource.memory-mb, which it overwrites. */
    private static final String MINICLUSTER_NM_MEMORY_MB = "yarn.minicluster.yarn.nodemanager.resource.memory-mb";

    /** MiniYARNCluster turns the NodeManagers' container monitor off unless this is true. */
    private static final String MINICLUSTER_RESOURCE_MONITORING = "yarn.minicluster.control-resource-monitoring";

    void applyTo(Configuration conf) {
        conf.set("hadoop.tmp.dir", baseDir.resolve("tmp").toString());
        applyHdfs(conf);
        applyResources(conf);
        applyNodeManagers(conf);
        conf.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, false);
        conf.setBoolean(YarnConfiguration.TIMELINE_SERVICE_ENABLED, false);
        conf.setInt(YarnConfiguration.RM_NM_HEARTBEAT_INTERVAL_MS, 250);
        // several ApplicationMasters (a session and a job, say) may run at once
        conf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 0.5f);
        conf.set(YarnConfiguration.YARN_APPLICATION_CLASSPATH, applicationClasspath());
    }

    private static void applyHdfs(Configuration conf) {
        conf.setInt("dfs.replication", 1);
        // with a single DataNode there is nothing to replace a failed pipeline node with
        conf.setBoolean("dfs.client.block.write.replace-datanode-on-failure.enable", false);
    }

    private void applyResources(Configuration conf) {
        conf.setInt(MINICLUSTER_NM_MEMORY_MB, nodeManagerMemoryMb);
        conf.setInt(YarnConfiguration.NM_PMEM_MB, nodeManagerMemoryMb);
        conf.setInt(YarnConfiguration.NM_VCORES, nodeManagerVcores);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, MINIMUM_ALLOCATION_MB);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, nodeManagerMemoryMb);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_VCORES, 1);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_VCORES, nodeManagerVcores);
        conf.setBoolean(MINICLUSTER_RESOURCE_MONITORING, memoryEnforced);
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, memoryEnforced);
        // true (the default) leaves enforcement to cgroups, which a minicluster has not: the polling
        // container monitor then measures but never kills
        conf.setBoolean(YarnConfiguration.NM_MEMORY_RESOURCE_ENFORCED, false);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    }

    private void applyNodeManagers(Configuration conf) {
        conf.setClass(YarnConfiguration.NM_CONTAINER_EXECUTOR,
                LocalJavaContainerExecutor.class, ContainerExecutor.class);
        conf.set(LocalJavaContainerExecutor.JAVA_HOME_KEY, System.getProperty("java.home"));
        conf.set(LocalJavaContainerExecutor.HADOOP_CONF_DIR_KEY, baseDir.resolve("conf").toString());
        // Logs of finished applications go to the deletion service at once: a NodeManager that still holds
        // an application waiting out the log retention takes some 17 s to stop. The deletion service
        // keeps logs and work dirs of finished containers for ten minutes (to look at) and drops pending
        // deletions when it stops; the next start wipes everything anyway.
        conf.setLong(YarnConfiguration.NM_LOG_RETAIN_SECONDS, 1);
        conf.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, 600);
        // a nearly full disk must not turn the NodeManagers unhealthy (default limit: 90 %)
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);
    }

    /**
     * The jars of this JVM except Spindle's own, as a real cluster's yarn.application.classpath
     * lists its Hadoop installation; HADOOP_CONF_DIR first, as there.
     */
    static String applicationClasspath() {
        List<String> entries = new ArrayList<>();
        entries.add("$HADOOP_CONF_DIR");
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (name.endsWith(".jar") && !name.startsWith("spindle-") && new File(entry).isFile()) {
                entries.add(new File(entry).getAbsolutePath());
            }
        }
        return String.join(",", entries);
    }
}
