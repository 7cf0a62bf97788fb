package dev.spindle.runtime.classloading;

import dev.spindle.runtime.config.ConfigOption;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.OptionsHolder;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;

/** Creates the classloader a job's code runs in. */
public final class UserCodeClassLoaders implements OptionsHolder {

    public static final ConfigOption<String> PARENT_FIRST_PATTERNS = ConfigOption.stringOption(
            "classloader.parent-first-patterns",
            "java.;javax.;jdk.;sun.;dev.spindle.api.;dev.spindle.runtime.;dev.spindle.dataset.;dev.spindle.connectors.;"
                    + "org.slf4j;org.apache.log4j;org.apache.logging;org.apache.hadoop.;"
                    + "io.netty.;com.esotericsoftware.;org.objenesis.;org.w3c.;org.xml.",
            "Semicolon-separated class name prefixes that are always loaded from Spindle's classpath, never "
                    + "from the job's jars.");

    private UserCodeClassLoaders() {
    }

    /** A child-first loader over the jars; the parent itself when there are none (code on the classpath). */
    public static ClassLoader create(List<String> jarPaths, ClassLoader parent, Configuration config) throws IOException {
        if (jarPaths == null || jarPaths.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[jarPaths.size()];
        for (int i = 0; i < urls.length; i++) {
            File jar = new File(jarPaths.get(i));
            if (!jar.isFile()) {
                throw new IOException("Job jar not found: " + jar.getAbsolutePath());
            }
            try {
                urls[i] = jar.toURI().toURL();
            } catch (MalformedURLException e) {
                throw new IOException("Bad jar path " + jar, e);
            }
        }
        String[] prefixes = config.get(PARENT_FIRST_PATTERNS).split(";");
        return new ChildFirstClassLoader(urls, parent, prefixes);
    }
}
