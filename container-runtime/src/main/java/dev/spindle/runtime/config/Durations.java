package dev.spindle.runtime.config;

import java.time.Duration;
import java.util.Locale;

/** Parses durations written as {@code 100ms}, {@code 10s}, {@code 5min}, {@code 1h}, or plain milliseconds. */
final class Durations {

    private Durations() {
    }

    static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        try {
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("min")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 3)));
            }
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            if (s.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            return Duration.ofMillis(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration (use e.g. 100ms, 10s, 5min)");
        }
    }
}
