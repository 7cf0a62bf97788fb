package dev.spindle.runtime.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every option declared by an {@link OptionsHolder} on the classpath, by key. */
public final class ConfigOptionRegistry {

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
        for (ServiceLoader.Provider<OptionsHolder> provider :
                ServiceLoader.load(OptionsHolder.class, ConfigOptionRegistry.class.getClassLoader()).stream().toList()) {
            for (Field f : provider.type().getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == ConfigOption.class) {
                    try {
                        ConfigOption<?> option = (ConfigOption<?>) f.get(null);
                        map.put(option.key(), option);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
