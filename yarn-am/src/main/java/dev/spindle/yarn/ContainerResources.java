package dev.spindle.yarn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;

/**
 * The files a Spindle container localizes, by link name: the runtime jars (PUBLIC, shared by all
 * applications), the job jar and the configuration (APPLICATION). Encoded as one string so the
 * client can hand the ApplicationMaster what it must give TaskManager containers.
 */
public final class ContainerResources {

    /** Link name prefix of runtime jars, which form the container classpath in this order. */
    public static final String LIB_PREFIX = "spindle-lib-";
    public static final String JOB_JAR = "job.jar";
    public static final String CONFIG_FILE = "spindle-conf.properties";
    public static final String LOG_CONFIG = "log4j2-container.properties";
    /** The client's Hadoop configuration (addresses of the ResourceManager and NameNode). */
    public static final String HADOOP_CONFIG = "hadoop-conf.xml";

    /** One localized file. */
    public record Entry(String name, String uri, long size, long timestamp, boolean isPublic) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public void add(Entry e) {
        entries.put(e.name(), e);
    }

    public Map<String, LocalResource> toLocalResources() {
        Map<String, LocalResource> result = new LinkedHashMap<>();
        for (Entry e : entries.values()) {
            result.put(e.name(), LocalResource.newInstance(URL.fromPath(new Path(e.uri())), LocalResourceType.FILE,
                    e.isPublic() ? LocalResourceVisibility.PUBLIC : LocalResourceVisibility.APPLICATION,
                    e.size(), e.timestamp()));
        }
        return result;
    }

    /** The container classpath: the runtime jars (the job jar is loaded by its own classloader). */
    public String classpath() {
        List<String> cp = new ArrayList<>();
        cp.add(".");
        for (String name : entries.keySet()) {
            if (name.startsWith(LIB_PREFIX)) {
                cp.add(name);
            }
        }
        return String.join(":", cp);
    }

    public String encode() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries.values()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(e.name()).append('|').append(e.uri()).append('|').append(e.size()).append('|')
                    .append(e.timestamp()).append('|').append(e.isPublic() ? 'P' : 'A');
        }
        return sb.toString();
    }

    public static ContainerResources decode(String encoded) {
        ContainerResources r = new ContainerResources();
        if (encoded == null || encoded.isEmpty()) {
            return r;
        }
        for (String item : encoded.split(";")) {
            String[] f = item.split("\\|");
            r.add(new Entry(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), f[4].equals("P")));
        }
        return r;
    }
}
