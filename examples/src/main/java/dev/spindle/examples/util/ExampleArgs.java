package dev.spindle.examples.util;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} program arguments; a missing or malformed one ends the program with a clear message. */
public final class ExampleArgs {

    private final Map<String, String> values;
    private final String usage;

    private ExampleArgs(Map<String, String> values, String usage) {
        this.values = values;
        this.usage = usage;
    }

    public static ExampleArgs parse(String[] args, String usage) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Bad argument '" + args[i] + "'. Usage: " + usage);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new ExampleArgs(values, usage);
    }

    public String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("Missing --" + name + ". Usage: " + usage);
        }
        return v;
    }

    public Optional<Integer> optionalInt(String name) {
        return optionalLong(name).map(v -> {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--" + name + " is out of range: " + v + ". Usage: " + usage);
            }
            return v.intValue();
        });
    }

    public Optional<Long> optionalLong(String name) {
        String v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + v + "'. Usage: " + usage);
        }
    }

    public Optional<Double> optionalDouble(String name) {
        String v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + v + "'. Usage: " + usage);
        }
    }

    public String optional(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
