package dev.spindle.runtime.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed setting: key, type, default and description. Options are declared as constants next to
 * the code they control (in a class listed in {@code META-INF/services/dev.spindle.runtime.config.OptionsHolder})
 * so that unknown keys can be warned about and the reference table generated.
 */
public final class ConfigOption<T> implements Serializable {

    private final String key;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;
    private final transient Function<String, T> parser;

    private ConfigOption(String key, Class<T> type, T defaultValue, String description, Function<String, T> parser) {
        this.key = Objects.requireNonNull(key);
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.parser = parser;
    }

    public static ConfigOption<Integer> intOption(String key, int defaultValue, String description) {
        return new ConfigOption<>(key, Integer.class, defaultValue, description, Integer::parseInt);
    }

    public static ConfigOption<Long> longOption(String key, long defaultValue, String description) {
        return new ConfigOption<>(key, Long.class, defaultValue, description, Long::parseLong);
    }

    public static ConfigOption<Boolean> booleanOption(String key, boolean defaultValue, String description) {
        return new ConfigOption<>(key, Boolean.class, defaultValue, description, ConfigOption::parseBoolean);
    }

    public static ConfigOption<String> stringOption(String key, String defaultValue, String description) {
        return new ConfigOption<>(key, String.class, defaultValue, description, s -> s);
    }

    /** A memory size such as {@code 64m}, {@code 1g} or {@code 32768} (bytes). */
    public static ConfigOption<MemorySize> memoryOption(String key, String defaultValue, String description) {
        return new ConfigOption<>(key, MemorySize.class, MemorySize.parse(defaultValue), description, MemorySize::parse);
    }

    /** A duration such as {@code 100ms}, {@code 10s}, {@code 5min}, or plain milliseconds. */
    public static ConfigOption<Duration> durationOption(String key, String defaultValue, String description) {
        return new ConfigOption<>(key, Duration.class, Durations.parse(defaultValue), description, Durations::parse);
    }

    public static <E extends Enum<E>> ConfigOption<E> enumOption(String key, Class<E> type, E defaultValue, String description) {
        return new ConfigOption<>(key, type, defaultValue, description,
                s -> Enum.valueOf(type, s.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
    }

    private static boolean parseBoolean(String s) {
        String v = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("expected true or false");
    }

    public String key() {
        return key;
    }

    public Class<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Parses a string value; the message of the exception says what was expected. */
    T parse(String value) {
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalConfigurationException("Invalid value '" + value + "' for " + key + " ("
                    + type.getSimpleName() + "): " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
