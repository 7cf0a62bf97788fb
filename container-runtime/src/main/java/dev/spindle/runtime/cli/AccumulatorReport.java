package dev.spindle.runtime.cli;

import dev.spindle.runtime.client.JobResult;
import dev.spindle.runtime.util.ExceptionUtils;
import dev.spindle.runtime.util.InstantiationUtil;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accumulator results of a finished job as {@code bin/run} prints them: one line
 * {@code name: value} per user accumulator, sorted by name, with long values abbreviated (the first
 * {@link #MAX_ELEMENTS} elements of a collection, map or array and their count; at most
 * {@link #MAX_CHARS} characters) and line breaks escaped, so that every accumulator stays on one
 * line. The APIs' internal accumulators are left out. Stateless.
 */
final class AccumulatorReport {

    static final int MAX_ELEMENTS = 10;
    static final int MAX_CHARS = 200;

    private AccumulatorReport() {
    }

    /** The lines of {@code result}'s accumulators, read with {@code classLoader}; none if it has none. */
    static List<String> lines(JobResult result, ClassLoader classLoader) {
        if (result.serializedAccumulators() == null) {
            return List.of();
        }
        Map<String, Object> values;
        try {
            values = InstantiationUtil.deserialize(result.serializedAccumulators(), classLoader);
        } catch (Exception | LinkageError e) {
            return List.of("(cannot read the accumulators: " + ExceptionUtils.rootCause(e) + ")");
        }
        return lines(values);
    }

    static List<String> lines(Map<String, Object> values) {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(values).forEach((name, value) -> {
            if (!name.startsWith(JobResult.INTERNAL_ACCUMULATOR_PREFIX)) {
                lines.add(name + ": " + format(value));
            }
        });
        return lines;
    }

    static String format(Object value) {
        String text;
        if (value instanceof Collection<?> c) {
            text = abbreviate(c.iterator(), c.size(), "[", "]", "elements");
        } else if (value instanceof Map<?, ?> m) {
            text = abbreviate(m.entrySet().iterator(), m.size(), "{", "}", "entries");
        } else if (value != null && value.getClass().isArray()) {
            List<Object> elements = new ArrayList<>();
            int n = Array.getLength(value);
            for (int i = 0; i < Math.min(n, MAX_ELEMENTS + 1); i++) {
                elements.add(Array.get(value, i));
            }
            text = abbreviate(elements.iterator(), n, "[", "]", "elements");
        } else {
            text = String.valueOf(value);
        }
        text = text.replace("\r", "\\r").replace("\n", "\\n");
        return text.length() <= MAX_CHARS ? text
                : text.substring(0, MAX_CHARS) + "... (" + text.length() + " chars)";
    }

    private static String abbreviate(Iterator<?> elements, int size, String open, String close, String noun) {
        StringBuilder sb = new StringBuilder(open);
        for (int i = 0; i < Math.min(size, MAX_ELEMENTS) && elements.hasNext(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(elements.next());
        }
        if (size > MAX_ELEMENTS) {
            sb.append(", ... (").append(size).append(' ').append(noun).append(')');
        }
        return sb.append(close).toString();
    }
}
