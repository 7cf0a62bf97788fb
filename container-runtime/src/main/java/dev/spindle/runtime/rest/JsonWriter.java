package dev.spindle.runtime.rest;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds one JSON document in memory, in order: {@code beginObject().field("a", 1).endObject()}.
 * Misuse (a value where a name belongs, unbalanced ends) throws {@link IllegalStateException}.
 * Strings are escaped so that the output is valid JSON for any Java string, including control
 * characters and unpaired surrogates. Not thread-safe; one writer per response.
 */
final class JsonWriter {

    private enum Scope { OBJECT, ARRAY, TOP }

    private final StringBuilder out = new StringBuilder();
    private final Deque<Scope> scopes = new ArrayDeque<>();
    /** Whether the innermost scope already holds an element (so the next one needs a comma). */
    private final Deque<Boolean> nonEmpty = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter() {
        scopes.push(Scope.TOP);
        nonEmpty.push(false);
    }

    JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        scopes.push(Scope.OBJECT);
        nonEmpty.push(false);
        return this;
    }

    JsonWriter endObject() {
        return end(Scope.OBJECT, '}');
    }

    JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        scopes.push(Scope.ARRAY);
        nonEmpty.push(false);
        return this;
    }

    JsonWriter endArray() {
        return end(Scope.ARRAY, ']');
    }

    JsonWriter name(String name) {
        if (scopes.peek() != Scope.OBJECT || afterName) {
            throw new IllegalStateException("A name is only allowed directly inside an object");
        }
        separate();
        quote(name, out);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        beforeValue();
        if (value == null) {
            out.append("null");
        } else {
            quote(value, out);
        }
        return this;
    }

    JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    /** The document; only valid once every object and array has been closed. */
    @Override
    public String toString() {
        if (scopes.peek() != Scope.TOP || !nonEmpty.peek()) {
            throw new IllegalStateException("Incomplete JSON document: " + out);
        }
        return out.toString();
    }

    /** Appends {@code s} as a JSON string literal, quotes included. */
    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || isUnpairedSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isUnpairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private JsonWriter end(Scope scope, char bracket) {
        if (scopes.peek() != scope || afterName) {
            throw new IllegalStateException("Cannot close " + scope + " here: " + out);
        }
        scopes.pop();
        nonEmpty.pop();
        out.append(bracket);
        return this;
    }

    private void beforeValue() {
        Scope scope = scopes.peek();
        if (scope == Scope.OBJECT && !afterName) {
            throw new IllegalStateException("A value inside an object needs a name first");
        }
        if (scope == Scope.TOP && nonEmpty.peek()) {
            throw new IllegalStateException("A JSON document has exactly one top-level value");
        }
        if (afterName) {
            afterName = false;
        } else {
            separate();
        }
    }

    private void separate() {
        if (nonEmpty.pop()) {
            out.append(',');
        }
        nonEmpty.push(true);
    }
}
