package dev.spindle.runtime.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/** Every option declared by an {@link OptionsHolder} on the classpath, by key. */
public final class ConfigOptionRegistry {

    private static final String SERVICE_FILE = "META-INF/services/" + OptionsHolder.class.getName();

    private static volatile Map<String, ConfigOption<?>> options;

    private ConfigOptionRegistry() {
    }

    public static ConfigOption<?> find(String key) {
        return all().get(key);
    }

    public static Collection<ConfigOption<?>> options() {
        return all().values();
    }

    private static Map<String, ConfigOption<?>> all() {
        Map<String, ConfigOption<?>> result = options;
        if (result == null) {
            result = load();
            options = result;
        }
        return result;
    }

    private static Map<String, ConfigOption<?>> load() {
        Map<String, ConfigOption<?>> map = new TreeMap<>();
        ClassLoader loader = ConfigOptionRegistry.class.getClassLoader();
        for (String className : holderClassNames(loader)) {
            try {
                for (Field f : Class.forName(className, true, loader).getFields()) {
                    if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
                        ConfigOption<?> option = (ConfigOption<?>) f.get(null);
                        map.put(option.key(), option);
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read options of " + className, e);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** Class names listed in every META-INF/services/...OptionsHolder file on the classpath. */
    private static Set<String> holderClassNames(ClassLoader loader) {
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> files = loader.getResources(SERVICE_FILE);
            while (files.hasMoreElements()) {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    in.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list configuration options", e);
        }
        return names;
    }
}
