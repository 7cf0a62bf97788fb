package dev.spindle.runtime.config;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * String-keyed settings read through typed {@link ConfigOption}s. Not thread-safe for writes;
 * configurations are built once and then only read.
 */
public final class Configuration implements Serializable {

    private final TreeMap<String, String> values = new TreeMap<>();

    public Configuration() {
    }

    public Configuration(Configuration other) {
        values.putAll(other.values);
    }

    public <T> T get(ConfigOption<T> option) {
        String raw = values.get(option.key());
        return raw == null ? option.defaultValue() : option.parse(raw);
    }

    public boolean contains(ConfigOption<?> option) {
        return values.containsKey(option.key());
    }

    public <T> Configuration set(ConfigOption<T> option, T value) {
        values.put(option.key(), String.valueOf(value));
        return this;
    }

    public Configuration setString(String key, String value) {
        values.put(key, value);
        return this;
    }

    public String getString(String key) {
        return values.get(key);
    }

    public Configuration addAll(Configuration other) {
        values.putAll(other.values);
        return this;
    }

    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(values);
    }

    /** Checks every value against its option's type; throws on the first bad one. */
    public void validate() {
        for (Map.Entry<String, String> e : values.entrySet()) {
            ConfigOption<?> option = ConfigOptionRegistry.find(e.getKey());
            if (option != null) {
                option.parse(e.getValue());
            }
        }
    }

    /** Keys that no registered option declares (typos, usually). */
    public List<String> unknownKeys() {
        return values.keySet().stream().filter(k -> ConfigOptionRegistry.find(k) == null).toList();
    }

    /**
     * Reads a flat YAML file of {@code key: value} lines; '#' starts a comment. Nested YAML is not
     * supported: keys are written out in full ({@code taskmanager.numberOfTaskSlots: 2}).
     */
    public static Configuration loadYaml(Path file) throws IOException {
        Configuration conf = new Configuration();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            String s = stripComment(line).trim();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            if (colon <= 0) {
                throw new IllegalConfigurationException(file + ":" + lineNo + ": expected 'key: value' but found '" + s + "'");
            }
            String value = unquote(s.substring(colon + 1).trim());
            conf.setString(s.substring(0, colon).trim(), value);
        }
        return conf;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
