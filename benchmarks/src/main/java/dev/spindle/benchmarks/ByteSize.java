package dev.spindle.benchmarks;

import java.util.Locale;

/**
 * A data size in bytes, written on the command line as a number with an optional binary suffix:
 * {@code 4096}, {@code 512k}, {@code 200m}, {@code 1g} (k = 1024).
 */
public record ByteSize(long bytes) {

    private static final long KIB = 1L << 10;
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    public ByteSize {
        if (bytes <= 0) {
            throw new IllegalArgumentException("size must be positive: " + bytes);
        }
    }

    public static ByteSize parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("ib")) {
            s = s.substring(0, s.length() - 2); // 1gib
        } else if (s.endsWith("b") && s.length() > 1 && "kmg".indexOf(s.charAt(s.length() - 2)) >= 0) {
            s = s.substring(0, s.length() - 1); // 1gb
        }
        long unit = 1;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'k' -> unit = KIB;
                case 'm' -> unit = MIB;
                case 'g' -> unit = GIB;
                default -> unit = 1;
            }
        }
        String number = unit == 1 ? s : s.substring(0, s.length() - 1);
        try {
            return new ByteSize(Math.multiplyExact(Long.parseLong(number), unit));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("Not a size: '" + text + "' (expected e.g. 1g, 200m, 512k or a byte count)");
        }
    }

    /** Short form for file names: {@code 1g}, {@code 200m}, {@code 512k} or the plain byte count. */
    public String token() {
        if (bytes % GIB == 0) {
            return bytes / GIB + "g";
        }
        if (bytes % MIB == 0) {
            return bytes / MIB + "m";
        }
        if (bytes % KIB == 0) {
            return bytes / KIB + "k";
        }
        return Long.toString(bytes);
    }

    /** Human form: {@code 1.00 GiB}, {@code 200.00 MiB}. */
    @Override
    public String toString() {
        return format(bytes);
    }

    public static String format(long bytes) {
        if (bytes >= GIB) {
            return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) GIB);
        }
        if (bytes >= MIB) {
            return String.format(Locale.ROOT, "%.2f MiB", bytes / (double) MIB);
        }
        if (bytes >= KIB) {
            return String.format(Locale.ROOT, "%.2f KiB", bytes / (double) KIB);
        }
        return bytes + " B";
    }
}
