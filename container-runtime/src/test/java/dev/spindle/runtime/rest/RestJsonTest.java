package dev.spindle.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JsonWriter} and {@link JsonParser}. */
class RestJsonTest {

    @Test
    void shouldWriteNestedDocumentsWithCommasInTheRightPlaces() {
        String json = new JsonWriter().beginObject()
                .field("a", 1).field("b", true).field("c", (String) null)
                .name("list").beginArray().value("x").beginObject().endObject().beginArray().endArray().value(-7)
                .endArray()
                .name("o").beginObject().field("k", "v").endObject()
                .endObject().toString();
        assertEquals("{\"a\":1,\"b\":true,\"c\":null,\"list\":[\"x\",{},[],-7],\"o\":{\"k\":\"v\"}}", json);
    }

    @Test
    void shouldEscapeQuotesBackslashesAndControlCharacters() {
        assertEquals("\"say \\\"hi\\\"\\\\n\\n\\r\\t\\b\\f\\u0001\\u001f\\u007f\"",
                quote("say \"hi\"\\n\n\r\t\b\f\u0001\u001f\u007f"));
    }

    @Test
    void shouldKeepUnicodeButEscapeLineSeparatorsAndLoneSurrogates() {
        assertEquals("\"über 日本 😀\"", quote("über 日本 😀"));
        assertEquals("\"\\u2028\\u2029\"", quote("\u2028\u2029"));
        assertEquals("\"\\ud800x\\udc00\"", quote("\ud800x\udc00"));
        assertEquals("\"\\ud800😀\"", quote("\ud800\ud83d\ude00"));
    }

    @Test
    void shouldRefuseMalformedWriterUse() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().value("no name"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().name("x"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().endArray());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().toString());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().value(1).value(2));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().toString());
    }

    @Test
    void shouldParseEveryKindOfValue() {
        Map<String, Object> parsed = JsonParser.parseObject(
                " {\"s\": \"a\\\"b\\\\c\\/d\\n\\u00fc\\ud83d\\ude00\", \"i\": -42, \"big\": 123456789012345678901234,"
                        + " \"d\": 1.5e3, \"t\": true, \"f\": false, \"n\": null, \"a\": [1, [], {}], \"o\": {}}\n");
        Map<String, Object> expected = new HashMap<>();
        expected.put("s", "a\"b\\c/d\nü😀");
        expected.put("i", -42L);
        expected.put("big", new BigDecimal("123456789012345678901234"));
        expected.put("d", new BigDecimal("1.5e3"));
        expected.put("t", true);
        expected.put("f", false);
        expected.put("n", null);
        expected.put("a", List.of(1L, List.of(), Map.of()));
        expected.put("o", Map.of());
        assertEquals(expected, parsed);
        assertEquals(Arrays.asList("s", "i", "big", "d", "t", "f", "n", "a", "o"), List.copyOf(parsed.keySet()));
    }

    @Test
    void shouldReadBackWhatTheWriterWrote() {
        String tricky = "\"quoted\"\n\\ \u0000 \u2028 über 😀 \udc00";
        String json = new JsonWriter().beginObject().field("name", tricky).field("n", Long.MIN_VALUE).endObject()
                .toString();
        Map<String, Object> parsed = JsonParser.parseObject(json);
        assertEquals(tricky, parsed.get("name"));
        assertEquals(Long.MIN_VALUE, parsed.get("n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}",
            "{\"a\":\"x}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}",
            "{\"a\":\"\\u\u0663\u0663\u0663\u0663\"}", "{\"a\":\"tab\there\"}", "{\"a\":1}{",
            "{\"a\":1,\"a\":2}", "{\"a\":tru}", "{\"a\":[1,]}", "{\"a\":1e99999999999}", "[1]", "\"s\"", "null"})
    void shouldRejectMalformedOrNonObjectDocuments(String text) {
        assertThrows(JsonParser.ParseException.class, () -> JsonParser.parseObject(text));
    }

    @Test
    void shouldLimitNestingDepth() {
        String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        JsonParser.ParseException e = assertThrows(JsonParser.ParseException.class,
                () -> JsonParser.parseObject(deep));
        assertTrue(e.getMessage().contains("deeper than"), e.getMessage());
        String ok = "{\"a\":" + "[".repeat(JsonParser.MAX_DEPTH - 1) + "]".repeat(JsonParser.MAX_DEPTH - 1) + "}";
        JsonParser.parseObject(ok);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        JsonWriter.quote(s, sb);
        return sb.toString();
    }
}
