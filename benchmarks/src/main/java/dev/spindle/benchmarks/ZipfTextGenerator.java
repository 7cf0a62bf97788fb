package dev.spindle.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes benchmark text: lines of words drawn from a Zipf distribution over a fixed vocabulary.
 *
 * <p>Format: {@value #VOCABULARY_SIZE} distinct lowercase ASCII pseudo-words (see {@link #word(int)}),
 * word of rank {@code r} (0-based) drawn with probability proportional to {@code 1 / (r + 1)^}{@value
 * #EXPONENT}; each line holds {@value #MIN_WORDS_PER_LINE}..{@value #MAX_WORDS_PER_LINE} words (uniform,
 * mean 10) separated by single spaces and ends with {@code '\n'}. Only whole lines are written, so the
 * file is at most the target size and short of it by less than one line.
 *
 * <p>Deterministic: the same seed gives the same stream of lines, so the same seed and size give an
 * identical file (and a smaller file is a prefix of a larger one). Instances are immutable and may be
 * used by several threads at once.
 */
public final class ZipfTextGenerator {

    public static final int VOCABULARY_SIZE = 100_000;
    public static final double EXPONENT = 1.0;
    public static final int MIN_WORDS_PER_LINE = 5;
    public static final int MAX_WORDS_PER_LINE = 15;
    public static final int MIN_WORD_LENGTH = 2;
    public static final int MAX_WORD_LENGTH = 12;
    public static final long DEFAULT_SEED = 42L;

    private static final int OUTPUT_BUFFER_BYTES = 4 << 20;
    /** Odd and not a multiple of 13, hence invertible modulo every power of 26. */
    private static final BigInteger CODE_MULTIPLIER = BigInteger.valueOf(0x1E37_79B9_7F4A_7C15L);
    private static final BigInteger CODE_OFFSET = BigInteger.valueOf(0x2545_F491_4F6C_DD1DL);

    private static final long[] POWERS_OF_26 = powersOf26(MAX_WORD_LENGTH);

    /** What one {@link #generate} call wrote. */
    public record GeneratedText(Path file, long bytes, long lines, long words) {}

    private final long seed;
    private final byte[][] encodedWords;
    private final AliasTable ranks;

    public ZipfTextGenerator(long seed) {
        this.seed = seed;
        this.encodedWords = new byte[VOCABULARY_SIZE][];
        double[] weights = new double[VOCABULARY_SIZE];
        for (int rank = 0; rank < VOCABULARY_SIZE; rank++) {
            encodedWords[rank] = word(rank).getBytes(StandardCharsets.US_ASCII);
            weights[rank] = 1.0 / Math.pow(rank + 1, EXPONENT);
        }
        this.ranks = new AliasTable(weights);
    }

    /**
     * Writes whole lines to {@code file} (created or truncated) until one more line would exceed
     * {@code targetBytes}.
     */
    public GeneratedText generate(Path file, long targetBytes) throws IOException {
        Objects.requireNonNull(file, "file");
        if (targetBytes < 0) {
            throw new IllegalArgumentException("targetBytes must be >= 0: " + targetBytes);
        }
        SplittableRandom random = new SplittableRandom(seed);
        byte[] line = new byte[MAX_WORDS_PER_LINE * (MAX_WORD_LENGTH + 1)];
        long bytes = 0;
        long lines = 0;
        long words = 0;
        try (OutputStream out = new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE),
                OUTPUT_BUFFER_BYTES)) {
            while (true) {
                int wordCount = MIN_WORDS_PER_LINE + random.nextInt(MAX_WORDS_PER_LINE - MIN_WORDS_PER_LINE + 1);
                int length = fillLine(line, wordCount, random);
                if (bytes + length > targetBytes) {
                    break;
                }
                out.write(line, 0, length);
                bytes += length;
                lines++;
                words += wordCount;
            }
        }
        return new GeneratedText(file, bytes, lines, words);
    }

    private int fillLine(byte[] line, int wordCount, SplittableRandom random) {
        int pos = 0;
        for (int i = 0; i < wordCount; i++) {
            if (i > 0) {
                line[pos++] = ' ';
            }
            byte[] w = encodedWords[ranks.sample(random)];
            System.arraycopy(w, 0, line, pos, w.length);
            pos += w.length;
        }
        line[pos++] = '\n';
        return pos;
    }

    /**
     * The pseudo-word of the given Zipf rank: lowercase ASCII, {@value #MIN_WORD_LENGTH}..{@value
     * #MAX_WORD_LENGTH} letters, distinct for distinct ranks.
     *
     * <p>The length is a hash of the rank (at least long enough to give the rank its own code); the
     * letters are the base-26 digits of {@code (rank * a + b) mod 26^length}, a bijection on
     * {@code [0, 26^length)}, so two ranks of equal length never collide.
     */
    public static String word(int rank) {
        Objects.checkIndex(rank, VOCABULARY_SIZE);
        int h = mix(rank);
        int hashedLength = MIN_WORD_LENGTH + (h & 0xFFFF) % 6 + (h >>> 16) % 6;
        int length = Math.max(minimumLength(rank), hashedLength);
        long code = BigInteger.valueOf(rank).multiply(CODE_MULTIPLIER).add(CODE_OFFSET)
                .mod(BigInteger.valueOf(POWERS_OF_26[length])).longValueExact();
        char[] letters = new char[length];
        for (int p = length - 1; p >= 0; p--) {
            letters[p] = (char) ('a' + (int) (code % 26));
            code /= 26;
        }
        return new String(letters);
    }

    private static int minimumLength(int rank) {
        int length = MIN_WORD_LENGTH;
        while (POWERS_OF_26[length] <= rank) {
            length++;
        }
        return length;
    }

    /** Murmur3 finalizer, masked to a non-negative int. */
    private static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x85EB_CA6B;
        x ^= x >>> 13;
        x *= 0xC2B2_AE35;
        x ^= x >>> 16;
        return x & Integer.MAX_VALUE;
    }

    private static long[] powersOf26(int maxExponent) {
        long[] powers = new long[maxExponent + 1];
        powers[0] = 1;
        for (int i = 1; i <= maxExponent; i++) {
            powers[i] = powers[i - 1] * 26;
        }
        return powers;
    }
}
