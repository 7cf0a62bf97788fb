package dev.spindle.minihadoop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A local Hadoop for trying and testing the YARN path: a MiniDFSCluster (one NameNode, one
 * DataNode) and a MiniYARNCluster (one ResourceManager, N NodeManagers) in this JVM, with YARN
 * using the HDFS as its default file system. All ports are ephemeral; after {@link #start} the
 * {@link #configuration() live configuration} and the files written by
 * {@link #writeClientConfiguration} carry the concrete addresses.
 *
 * <p>Containers are real local processes launched by {@link LocalJavaContainerExecutor} as the
 * current OS user; they get {@code JAVA_HOME} (this JVM's {@code java.home}) and {@code
 * HADOOP_CONF_DIR} ({@code <baseDir>/conf}) unless the application sets them, and nothing else
 * from this JVM's environment. Their classpath is whatever the application puts in its launch
 * context; {@code yarn.application.classpath} lists the Hadoop jars of this JVM, as a real
 * cluster's would list its Hadoop installation.
 *
 * <p>Every start begins from empty directories under the base directory: {@code hdfs/} (NameNode
 * and DataNode storage), {@code yarn/} (NodeManager local and log dirs), {@code tmp/} and {@code
 * conf/} (the client configuration). Nothing survives a restart.
 *
 * <p>Lifecycle: {@link #builder} -> {@link Builder#start} -> {@link #close}. Not thread-safe apart
 * from {@link #close}, which may race with itself (a shutdown hook and the main thread).
 */
public final class MiniHadoop implements AutoCloseable {

    private static final String CLUSTER_NAME = "spindle";

    /**
     * Jersey and Guice (the web UIs) log through java.util.logging, past log4j2, one INFO line per
     * resource class per web app; held here because java.util.logging keeps loggers weakly.
     */
    private static final List<java.util.logging.Logger> QUIETED_LOGGERS = List.of(
            quiet("com.sun.jersey", Level.WARNING), quiet("com.google.inject.servlet", Level.SEVERE));

    private final Path baseDir;
    private final MiniDFSCluster dfs;
    private final MiniYARNCluster yarn;
    private final int nodeManagers;
    private final ClientConfiguration clientConfiguration;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MiniHadoop(Path baseDir, MiniDFSCluster dfs, MiniYARNCluster yarn, int nodeManagers) {
        this.baseDir = baseDir;
        this.dfs = dfs;
        this.yarn = yarn;
        this.nodeManagers = nodeManagers;
        this.clientConfiguration = ClientConfiguration.of(yarn.getConfig());
    }

    public static Builder builder(Path baseDir) {
        return new Builder(baseDir);
    }

    /** Starts a cluster with the defaults (two NodeManagers of 4096 MB and 4 vcores each). */
    public static MiniHadoop start(Path baseDir) throws IOException {
        return builder(baseDir).start();
    }

    /** The live YARN + HDFS configuration (concrete addresses); usable for YarnClient and FileSystem. */
    public Configuration configuration() {
        return yarn.getConfig();
    }

    /** The cluster's own HDFS client; closed with the cluster, do not close it yourself. */
    public FileSystem fileSystem() {
        try {
            return dfs.getFileSystem();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code hdfs://host:port}, the value of fs.defaultFS. */
    public URI fileSystemUri() {
        return dfs.getURI();
    }

    /** host:port of the ResourceManager's client service (yarn.resourcemanager.address). */
    public String resourceManagerAddress() {
        return configuration().get(YarnConfiguration.RM_ADDRESS);
    }

    /** host:port of the ResourceManager's web UI (yarn.resourcemanager.webapp.address). */
    public String resourceManagerWebAddress() {
        return configuration().get(YarnConfiguration.RM_WEBAPP_ADDRESS);
    }

    public int nodeManagerCount() {
        return nodeManagers;
    }

    public Path baseDirectory() {
        return baseDir;
    }

    /** The directory containers get as HADOOP_CONF_DIR: the client configuration written at start. */
    public Path configurationDirectory() {
        return baseDir.resolve("conf");
    }

    /** The client configuration: the keys {@link #writeClientConfiguration} writes, nothing else. */
    public Configuration clientConfiguration() {
        return clientConfiguration.merged();
    }

    /** Writes core-site.xml, hdfs-site.xml and yarn-site.xml for a client using HADOOP_CONF_DIR=dir. */
    public void writeClientConfiguration(Path dir) throws IOException {
        clientConfiguration.writeTo(dir);
    }

    /** Stops YARN, then HDFS. Idempotent; safe to call from a shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            yarn.stop();
        } finally {
            dfs.shutdown();
        }
    }

    /**
     * For a shutdown hook: stops YARN, which kills the containers (separate processes that would
     * otherwise outlive this JVM), and leaves HDFS to the JVM's exit. Once JVM shutdown has begun
     * the DataNode cannot stop cleanly: it fails removing its own hook from Hadoop's
     * ShutdownHookManager ("Shutdown in progress").
     */
    void closeOnJvmExit() {
        if (closed.compareAndSet(false, true)) {
            yarn.stop();
        }
    }

    private static java.util.logging.Logger quiet(String name, Level level) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }

    /** Settings of a {@link MiniHadoop}; {@link #start} builds and starts it. */
    public static final class Builder {

        private final Path baseDir;
        private int nodeManagers = 2;
        private int nodeManagerMemoryMb = 4096;
        private int nodeManagerVcores = 4;
        private boolean memoryEnforced = true;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder(Path baseDir) {
            this.baseDir = baseDir.toAbsolutePath().normalize();
        }

        public Builder nodeManagers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one NodeManager is needed, not " + count);
            }
            this.nodeManagers = count;
            return this;
        }

        /** Memory each NodeManager offers (default 4096); the maximum allocation follows it. */
        public Builder nodeManagerMemoryMb(int memoryMb) {
            this.nodeManagerMemoryMb = memoryMb;
            return this;
        }

        public Builder nodeManagerVcores(int vcores) {
            this.nodeManagerVcores = vcores;
            return this;
        }

        /**
         * Whether NodeManagers kill containers whose process tree's resident memory exceeds the
         * container size, as real clusters do (default true; virtual memory is never checked).
         */
        public Builder memoryEnforced(boolean enforced) {
            this.memoryEnforced = enforced;
            return this;
        }

        /** Any Hadoop setting, applied last (for example yarn.resourcemanager.am.max-attempts). */
        public Builder set(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public MiniHadoop start() throws IOException {
            Configuration conf = prepare();
            MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf, baseDir.resolve("hdfs").toFile())
                    .numDataNodes(1)
                    .build();
            MiniYARNCluster yarn = null;
            try {
                // MiniDFSCluster has set fs.defaultFS in conf
                yarn = newYarnCluster();
                yarn.init(new YarnConfiguration(conf));
                yarn.start();
                if (!yarn.waitForNodeManagersToConnect(30_000)) {
                    throw new IOException("NodeManagers did not register with the ResourceManager within 30 s");
                }
                publishAddresses(dfs, yarn.getConfig());
                MiniHadoop hadoop = new MiniHadoop(baseDir, dfs, yarn, nodeManagers);
                hadoop.writeClientConfiguration(hadoop.configurationDirectory());
                return hadoop;
            } catch (IOException | RuntimeException e) {
                stopQuietly(yarn, dfs, e);
                throw e;
            } catch (Exception e) {
                // waitForNodeManagersToConnect declares YarnException and InterruptedException
                stopQuietly(yarn, dfs, e);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("Could not start the MiniYARNCluster: " + e.getMessage(), e);
            }
        }

        private Configuration prepare() throws IOException {
            for (String owned : new String[] {"hdfs", "yarn", "tmp", "conf"}) {
                FileUtil.fullyDelete(baseDir.resolve(owned).toFile());
            }
            Files.createDirectories(baseDir.resolve("yarn"));
            Configuration conf = new Configuration();
            new MiniHadoopSettings(baseDir, nodeManagerMemoryMb, nodeManagerVcores, memoryEnforced)
                    .applyTo(conf);
            overrides.forEach(conf::set);
            return conf;
        }

        /**
         * MiniYARNCluster puts its NodeManagers' local and log dirs under the system property
         * test.build.data, read once in its constructor.
         */
        private MiniYARNCluster newYarnCluster() {
            String previous = System.getProperty("test.build.data");
            System.setProperty("test.build.data", baseDir.resolve("yarn").toString());
            try {
                return new MiniYARNCluster(CLUSTER_NAME, 1, nodeManagers, 1, 1);
            } finally {
                if (previous == null) {
                    System.clearProperty("test.build.data");
                } else {
                    System.setProperty("test.build.data", previous);
                }
            }
        }

        /**
         * Completes the live configuration with what the minicluster leaves unset or at its default: the
         * NameNode's addresses (clients and tools may look for them besides fs.defaultFS) and the
         * ResourceManager's host name (default 0.0.0.0, from which unset RM addresses are derived).
         */
        private static void publishAddresses(MiniDFSCluster dfs, Configuration live) {
            InetSocketAddress rpc = dfs.getNameNode().getNameNodeAddress();
            InetSocketAddress http = dfs.getNameNode().getHttpAddress();
            live.set("dfs.namenode.rpc-address", rpc.getHostString() + ":" + rpc.getPort());
            live.set("dfs.namenode.http-address", http.getHostString() + ":" + http.getPort());
            String rmAddress = live.get(YarnConfiguration.RM_ADDRESS);
            live.set(YarnConfiguration.RM_HOSTNAME, rmAddress.substring(0, rmAddress.lastIndexOf(':')));
        }

        private static void stopQuietly(MiniYARNCluster yarn, MiniDFSCluster dfs, Exception cause) {
            try {
                if (yarn != null) {
                    yarn.stop();
                }
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            } finally {
                dfs.shutdown();
            }
        }
    }
}
