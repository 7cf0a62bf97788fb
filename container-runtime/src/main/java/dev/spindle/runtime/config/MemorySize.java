package dev.spindle.runtime.config;

import java.io.Serializable;
import java.util.Locale;

/** A number of bytes, written as {@code 512}, {@code 64k}, {@code 32m}, {@code 1g}. */
public record MemorySize(long bytes) implements Serializable {

    public static MemorySize parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        long factor = 1;
        if (s.endsWith("k")) {
            factor = 1L << 10;
        } else if (s.endsWith("m")) {
            factor = 1L << 20;
        } else if (s.endsWith("g")) {
            factor = 1L << 30;
        } else if (s.endsWith("t")) {
            factor = 1L << 40;
        }
        if (factor != 1) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            return new MemorySize(Long.parseLong(s) * factor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a memory size (use e.g. 512k, 64m, 1g)");
        }
    }

    public static MemorySize ofMebiBytes(long mb) {
        return new MemorySize(mb << 20);
    }

    public int toIntBytes() {
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    public long mebiBytes() {
        return bytes >> 20;
    }

    @Override
    public String toString() {
        if (bytes % (1L << 30) == 0 && bytes > 0) {
            return (bytes >> 30) + "g";
        }
        if (bytes % (1L << 20) == 0 && bytes > 0) {
            return (bytes >> 20) + "m";
        }
        if (bytes % (1L << 10) == 0 && bytes > 0) {
            return (bytes >> 10) + "k";
        }
        return Long.toString(bytes);
    }
}
