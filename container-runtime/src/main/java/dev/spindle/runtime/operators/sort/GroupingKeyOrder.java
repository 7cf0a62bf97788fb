package dev.spindle.runtime.operators.sort;

import dev.spindle.api.tuple.Tuple;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.DynamicSerializer;
import dev.spindle.runtime.shuffle.partitioner.KeyHashing;
import dev.spindle.runtime.sort.Order;
import dev.spindle.runtime.sort.SortKey;
import dev.spindle.runtime.sort.SortKeyException;
import dev.spindle.runtime.sort.SortKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The order in which grouping operators sort grouping keys (the records of a {@link SortKey} here
 * are the keys themselves): any total order in which equal keys are adjacent will do. Keys that are
 * {@link Comparable} or tuples sort in their natural order, with normalized keys. Other keys (Java
 * records, POJOs) need only {@code equals} and a stable hash, as for hash grouping: they sort by
 * {@link KeyHashing#stableHash}, equal keys compare as equal, and distinct keys with the same hash
 * are ordered by their serialized bytes (so such keys must serialize deterministically).
 *
 * <p>The mode is chosen by the first non-null key. Operators that merge two sorted inputs by key
 * (coGroup) share one instance between both sides so that both are in the same order. Used by the
 * task thread only.
 */
public final class GroupingKeyOrder implements SortKey<Object, Object> {

    private enum Mode {
        UNDECIDED,
        NATURAL,
        HASHED
    }

    private final SortKey<Object, Object> natural = SortKeys.natural(Order.ASCENDING);
    private Mode mode = Mode.UNDECIDED;
    private DynamicSerializer tieBreakSerializer;
    private DataOutputSerializer firstBytes;
    private DataOutputSerializer secondBytes;

    @Override
    public Object extract(Object key) {
        if (mode == Mode.UNDECIDED && key != null) {
            mode = key instanceof Comparable || key instanceof Tuple ? Mode.NATURAL : Mode.HASHED;
        }
        return key;
    }

    @Override
    public int compare(Object first, Object second) {
        if (mode != Mode.HASHED) {
            return natural.compare(first, second);
        }
        int c = Long.compareUnsigned(hashPrefix(first), hashPrefix(second));
        if (c != 0 || Objects.deepEquals(first, second)) {
            return c;
        }
        return compareSerialized(first, second);
    }

    @Override
    public long normalize(Object key) {
        return mode == Mode.HASHED ? hashPrefix(key) : natural.normalize(key);
    }

    @Override
    public boolean isDecisive(long normalizedKey) {
        return mode != Mode.HASHED && natural.isDecisive(normalizedKey);
    }

    /** 0 for {@code null}; otherwise the stable hash in the low half and a 1 above it, so no key maps to 0. */
    private static long hashPrefix(Object key) {
        return key == null ? 0 : (1L << 32) | Integer.toUnsignedLong(KeyHashing.stableHash(key));
    }

    /** Orders two distinct keys of equal hash: by their serialized bytes, which only equal keys share. */
    private int compareSerialized(Object first, Object second) {
        if (tieBreakSerializer == null) {
            tieBreakSerializer = new DynamicSerializer();
            firstBytes = new DataOutputSerializer(64);
            secondBytes = new DataOutputSerializer(64);
        }
        try {
            firstBytes.clear();
            secondBytes.clear();
            tieBreakSerializer.serialize(first, firstBytes);
            tieBreakSerializer.serialize(second, secondBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize grouping keys to order them", e);
        }
        int c = Arrays.compareUnsigned(firstBytes.getBuffer(), 0, firstBytes.length(),
                secondBytes.getBuffer(), 0, secondBytes.length());
        if (c == 0) {
            throw new SortKeyException("The grouping keys " + first + " and " + second + " are not equal but serialize "
                    + "to the same bytes, so they cannot be grouped; give the key class a consistent equals or make "
                    + "it Comparable");
        }
        return c;
    }
}
