package dev.spindle.connectors.hdfs;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Access to Hadoop file systems ({@code file://}, {@code hdfs://}, ...). Paths without a scheme
 * resolve against the default file system of the Hadoop configuration (HADOOP_CONF_DIR), or the
 * local file system when there is none. Errors name the path and say what is wrong.
 */
public final class HadoopFileSystems {

    /** A configuration parsed once, for looking up file systems; rebuilt when its sources change. */
    private record SharedConfiguration(String sources, Configuration conf) {
    }

    private static volatile SharedConfiguration shared;

    private HadoopFileSystems() {
    }

    /** The configuration for file system lookups, read-only: parsing Hadoop's XML for every split is slow. */
    private static Configuration sharedConfiguration() {
        String sources = System.getProperty("spindle.hadoop.conf") + "|" + hadoopConfDir();
        SharedConfiguration current = shared;
        if (current == null || !current.sources().equals(sources)) {
            current = new SharedConfiguration(sources, hadoopConfiguration());
            shared = current;
        }
        return current.conf();
    }

    /**
     * Hadoop's configuration: the classpath's, then a file shipped with the application (system
     * property {@code spindle.hadoop.conf}, set in YARN containers), then HADOOP_CONF_DIR's.
     */
    public static Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        String shipped = System.getProperty("spindle.hadoop.conf");
        if (shipped != null && new java.io.File(shipped).isFile()) {
            conf.addResource(new Path(new java.io.File(shipped).getAbsoluteFile().toURI()));
        }
        String confDir = hadoopConfDir();
        if (confDir != null) {
            for (String file : new String[] {"core-site.xml", "hdfs-site.xml", "yarn-site.xml"}) {
                java.io.File f = new java.io.File(confDir, file);
                if (f.isFile()) {
                    conf.addResource(new Path(f.toURI()));
                }
            }
        }
        return conf;
    }

    /** HADOOP_CONF_DIR, or the system property {@code spindle.hadoop.conf.dir} (which wins). */
    public static String hadoopConfDir() {
        return System.getProperty("spindle.hadoop.conf.dir", System.getenv("HADOOP_CONF_DIR"));
    }

    public static FileSystem get(Path path) throws IOException {
        URI uri = path.toUri();
        try {
            Configuration conf = sharedConfiguration();
            return uri.getScheme() == null ? FileSystem.get(conf) : path.getFileSystem(conf);
        } catch (IOException e) {
            throw new IOException("Cannot access the file system of " + path + ": " + e.getMessage(), e);
        }
    }

    /** The path made absolute and fully qualified (scheme and authority). */
    public static Path qualify(String path) throws IOException {
        Path p = new Path(path);
        FileSystem fs = get(p);
        return fs.makeQualified(p);
    }
}
