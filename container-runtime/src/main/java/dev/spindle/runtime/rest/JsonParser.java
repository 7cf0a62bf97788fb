package dev.spindle.runtime.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the small JSON documents clients send as request bodies. Objects become
 * {@code Map<String, Object>} (in document order), arrays {@code List<Object>}, strings
 * {@code String}, integers {@code Long} (or {@code BigDecimal} when too large), other numbers
 * {@code BigDecimal}, booleans {@code Boolean} and null {@code null}. Strict RFC 8259 grammar, no
 * duplicate keys, nesting at most {@value #MAX_DEPTH} deep. Stateless; safe from any thread.
 */
final class JsonParser {

    static final int MAX_DEPTH = 32;

    /** The input is not the JSON the caller expected; the message says where. */
    static final class ParseException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }
    }

    private final String text;
    private int pos;

    private JsonParser(String text) {
        this.text = text;
    }

    /** Parses a document whose top-level value must be an object. */
    static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new ParseException("Expected a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    static Object parse(String text) {
        JsonParser parser = new JsonParser(text);
        Object value = parser.readValue(0);
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("Unexpected text after the JSON value");
        }
        return value;
    }

    private Object readValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("Nested deeper than " + MAX_DEPTH + " levels");
        }
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("Unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> readObject(depth);
            case '[' -> readArray(depth);
            case '"' -> readString();
            case 't' -> readLiteral("true", Boolean.TRUE);
            case 'f' -> readLiteral("false", Boolean.FALSE);
            case 'n' -> readLiteral("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield readNumber();
                }
                throw error("Unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> readObject(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("Expected a field name in quotes");
            }
            String name = readString();
            skipWhitespace();
            expect(':');
            if (map.containsKey(name)) {
                throw error("Duplicate field \"" + name + "\"");
            }
            map.put(name, readValue(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return Collections.unmodifiableMap(map);
            }
        }
    }

    private List<Object> readArray(int depth) {
        List<Object> list = new ArrayList<>();
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            list.add(readValue(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return Collections.unmodifiableList(list);
            }
        }
    }

    private String readString() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("Unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            } else if (c == '\\') {
                sb.append(readEscape());
            } else if (c < 0x20) {
                throw error("Unescaped control character in string");
            } else {
                sb.append(c);
            }
        }
    }

    private char readEscape() {
        if (pos >= text.length()) {
            throw error("Unterminated string");
        }
        char c = text.charAt(pos++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'u' -> {
                if (pos + 4 > text.length()) {
                    throw error("Incomplete \\u escape");
                }
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    char h = text.charAt(pos++);
                    int digit = h < 128 ? Character.digit(h, 16) : -1;
                    if (digit < 0) {
                        throw error("Bad hex digit in \\u escape");
                    }
                    code = code * 16 + digit;
                }
                yield (char) code;
            }
            default -> throw error("Unknown escape \\" + c);
        };
    }

    private Object readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!skipDigits()) {
            throw error("Expected a digit");
        }
        boolean integral = true;
        if (peek() == '.') {
            pos++;
            integral = false;
            if (!skipDigits()) {
                throw error("Expected a digit after the decimal point");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            integral = false;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!skipDigits()) {
                throw error("Expected a digit in the exponent");
            }
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("Number out of range");
        }
        if (integral && number.toBigInteger().bitLength() < 64) {
            return number.longValueExact();
        }
        return number;
    }

    private boolean skipDigits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private Object readLiteral(String literal, Object value) {
        if (!text.startsWith(literal, pos)) {
            throw error("Unexpected token");
        }
        pos += literal.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("Expected '" + c + "'");
        }
        pos++;
    }

    /** The current character, or 0 at the end of input. */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private ParseException error(String message) {
        return new ParseException(message + " at position " + pos);
    }
}
