package dev.spindle.runtime.operators.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.tuple.Tuple2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AggregationTableTest {

    /** Keys of every kind: inline Latin-1 (up to 16), inline wide (up to 8), too long, non-strings, null-like. */
    private static Object randomKey(Random r) {
        int kind = r.nextInt(6);
        int len = r.nextInt(20);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(kind == 1 ? (char) (0x400 + r.nextInt(40)) : kind == 2 ? (char) (0xE0 + r.nextInt(20))
                    : (char) ('a' + r.nextInt(3)));
        }
        return switch (kind) {
            case 3 -> (long) r.nextInt(5000);
            case 4 -> new Tuple2<>(r.nextInt(30), "k" + r.nextInt(30));
            default -> sb.toString();
        };
    }

    @Test
    void shouldAggregateLikeAHashMapForAllKindsOfKeys() {
        Random random = new Random(3);
        AggregationTable table = new AggregationTable(16, 1);
        Map<Object, Long> expected = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            Object key = randomKey(random);
            long v = random.nextInt(100);
            expected.merge(key, v, Long::sum);
            int slot = table.find(key);
            if (slot < 0) {
                slot = table.insert(-slot - 1, key, key);
            }
            table.addLong(slot, 0, v);
        }
        assertEquals(expected.size(), table.size());
        Map<Object, Long> actual = new HashMap<>();
        table.drain(slot -> actual.put(table.record(slot), table.getLong(slot, 0)));
        assertEquals(expected, actual);
        assertEquals(0, table.size());
    }

    @Test
    void shouldTellApartKeysThatPackAlike() {
        AggregationTable table = new AggregationTable(16, 1);
        String[] keys = {"", "\0", "\0\0", "a", "a\0", "ab", "ab\u0100", "ab\u0100\0", "abcdefghijklmnop", "abcdefghijklmnopq",
            "abcdefghijklmno\0", "\u00ff", "\u00ff\u00ff"};
        for (String k : keys) {
            int slot = table.find(k);
            assertTrue(slot < 0, "'" + k + "' must be new");
            table.insert(-slot - 1, k, k);
        }
        for (String k : keys) {
            int slot = table.find(k);
            assertTrue(slot >= 0);
            assertEquals(k, table.record(slot));
        }
    }

    @Test
    void shouldKeepSeveralLongAndDoubleAccumulatorsPerKeyAcrossGrowth() {
        AggregationTable table = new AggregationTable(16, 3);
        for (int round = 0; round < 4; round++) {
            for (int k = 0; k < 1000; k++) {
                int slot = table.find(k);
                if (slot < 0) {
                    slot = table.insert(-slot - 1, k, "record-" + k);
                }
                table.addLong(slot, 0, k);
                table.addDouble(slot, 1, 0.25);
                table.addLong(slot, 2, -1);
            }
        }
        Map<Integer, String> seen = new HashMap<>();
        table.drain(slot -> {
            int k = keyOf(table.record(slot));
            assertEquals(4L * k, table.getLong(slot, 0));
            assertEquals(1.0, table.getDouble(slot, 1));
            assertEquals(-4L, table.getLong(slot, 2));
            seen.put(k, (String) table.record(slot));
        });
        assertEquals(1000, seen.size());
    }

    /**
     * A combiner emits its keys in slot order into the aggregation after the shuffle; if both tables
     * placed keys alike, that order would pile them into one cluster there. Each table has its own.
     */
    @Test
    void shouldPlaceKeysInAnOrderOfItsOwn() {
        AggregationTable first = new AggregationTable(16, 1);
        AggregationTable second = new AggregationTable(16, 1);
        for (long k = 0; k < 1000; k++) {
            for (AggregationTable table : List.of(first, second)) {
                int slot = table.find(k);
                table.insert(-slot - 1, null, null);
            }
        }
        List<Object> firstOrder = new ArrayList<>();
        first.forEach(slot -> firstOrder.add(first.inlineKey(slot)));
        List<Object> secondOrder = new ArrayList<>();
        second.forEach(slot -> secondOrder.add(second.inlineKey(slot)));

        assertEquals(1000, firstOrder.size());
        assertEquals(new HashSet<>(firstOrder), new HashSet<>(secondOrder));
        assertNotEquals(firstOrder, secondOrder);
    }

    /** Long keys (0, negative, extreme) in the compact layout, across growth, without key objects. */
    @Test
    void shouldAggregateLongKeysInTheCompactLayoutAcrossGrowth() {
        Random random = new Random(8);
        AggregationTable compact = new AggregationTable(16, 2, true);
        AggregationTable general = new AggregationTable(16, 2);
        Map<Long, Long> counts = new HashMap<>();
        Map<Long, Double> sums = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            long key = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(20) - 10;
                case 1 -> random.nextInt(5) == 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
                default -> random.nextLong() % 30_000;
            };
            double v = random.nextInt(8) / 4.0;
            counts.merge(key, 1L, Long::sum);
            sums.merge(key, v, Double::sum);
            for (AggregationTable table : List.of(compact, general)) {
                int slot = table.find(key);
                if (slot < 0) {
                    slot = table.insert(-slot - 1, null, null);
                    assertTrue(table.lastKeyInline());
                }
                table.addLong(slot, 0, 1);
                table.addDouble(slot, 1, v);
            }
        }
        assertEquals(counts.size(), compact.size());
        assertTrue(compact.bytesAfterInsert() < general.bytesAfterInsert(), "compact slots are smaller");
        Map<Object, Long> actualCounts = new HashMap<>();
        Map<Object, Double> actualSums = new HashMap<>();
        compact.drain(slot -> {
            actualCounts.put(compact.inlineKey(slot), compact.getLong(slot, 0));
            actualSums.put(compact.inlineKey(slot), compact.getDouble(slot, 1));
        });
        assertEquals(counts, actualCounts);
        assertEquals(sums, actualSums);
        assertEquals(0, compact.size());
        assertTrue(compact.find(0L) < 0, "a drained table no longer holds the key 0");
    }

    /** A touch reads the slot where a lookup of the key starts: never an empty one for a key the table holds. */
    @Test
    void shouldTouchTheSlotWhereALookupStarts() {
        AggregationTable compact = new AggregationTable(16, 1, true);
        AggregationTable general = new AggregationTable(16, 1);
        AggregationTable ints = new AggregationTable(16, 1);
        for (AggregationTable table : List.of(compact, general, ints)) {
            assertEquals(0, table.touch(table == ints ? (Object) 7 : (Object) 7L), "an empty table");
        }
        int atHome = 0;
        for (long k = 1; k <= 5000; k++) {
            for (AggregationTable table : List.of(compact, general, ints)) {
                Object key = table == ints ? (Object) (int) k : (Object) k;
                int slot = table.find(key);
                table.insert(-slot - 1, null, null);
            }
        }
        for (long k = 1; k <= 5000; k++) {
            assertNotEquals(0, general.touch(k), "key " + k);
            assertNotEquals(0, ints.touch((int) k), "key " + k);
            long read = compact.touch(k);
            assertTrue(read >= 1 && read <= 5000, "key " + k + " touched " + read + ", not a key of the table");
            atHome += read == k ? 1 : 0;
        }
        // At a load of 61%, about 70% of the keys sit in the slot where their lookup starts.
        assertTrue(atHome > 2500, "most keys sit in their first slot, found " + atHome);
        assertEquals(0, compact.touch("not a number"));
        assertEquals(0, compact.touch(0L), "the key 0 has a slot of its own");
        assertEquals(5000, compact.size());
    }

    /** The first key that is not a Long moves every entry, with its accumulators and objects, to the general layout. */
    @Test
    void shouldLeaveTheCompactLayoutForAKeyThatIsNotALong() {
        AggregationTable table = new AggregationTable(16, 1, true);
        for (long k = 0; k < 1000; k++) {
            int slot = table.find(k);
            slot = table.insert(-slot - 1, null, null);
            table.addLong(slot, 0, k);
            if (k % 2 == 0) {
                table.attach(slot, k, "record-" + k);
            }
        }
        for (Object key : List.of("a-string", 5, 5L, 0L)) {
            int slot = table.find(key);
            if (slot < 0) {
                slot = table.insert(-slot - 1, key, "record-" + key);
            }
            table.addLong(slot, 0, 1000);
        }
        assertEquals(1002, table.size());
        Map<Object, Long> sums = new HashMap<>();
        Map<Object, Object> records = new HashMap<>();
        table.drain(slot -> {
            Object key = table.inlineKey(slot) != null ? table.inlineKey(slot) : "a-string";
            assertEquals(null, sums.put(key, table.getLong(slot, 0)), "key " + key + " once");
            records.put(key, table.record(slot));
        });
        for (long k = 0; k < 1000; k++) {
            assertEquals(k == 0 || k == 5 ? k + 1000 : k, sums.get(k));
            assertEquals(k % 2 == 0 ? "record-" + k : null, records.get(k));
        }
        assertEquals(1000L, sums.get(5));
        assertEquals(1000L, sums.get("a-string"));
        assertEquals("record-5", records.get(5));
    }

    /**
     * A table that takes over the array another table of its kind gave up starts at that size,
     * ignores what the array held, and aggregates as a fresh table does; a table refuses arrays that
     * are not larger than its own, do not fit its layout, or come when it already holds keys.
     */
    @Test
    void shouldAdoptTheLargerArrayOfAnEarlierTableAndAggregateFromEmpty() {
        AggregationTable earlier = new AggregationTable(16, 1, true);
        for (long k = 0; k < 50_000; k++) {
            int slot = earlier.find(k);
            earlier.addLong(earlier.insert(-slot - 1, null, null), 0, 7);
        }
        long grownBytes = earlier.bytesAfterInsert();
        long[] array = earlier.detach();

        AggregationTable general = new AggregationTable(16, 1);
        assertFalse(general.adopt(array), "the general layout's slots have another stride");
        AggregationTable tooLarge = new AggregationTable(200_000, 1, true);
        assertFalse(tooLarge.adopt(array), "not larger than its own");

        AggregationTable next = new AggregationTable(16, 1, true);
        assertTrue(next.adopt(array));
        assertEquals(grownBytes, next.bytesAfterInsert(), "starts at the size the earlier table grew to");
        assertEquals(0, next.size());
        Map<Long, Long> expected = new HashMap<>();
        for (long k = -5; k < 70_000; k += 3) {
            int slot = next.find(k);
            if (slot < 0) {
                slot = next.insert(-slot - 1, null, null);
            }
            next.addLong(slot, 0, k);
            expected.merge(k, k, Long::sum);
        }
        Map<Object, Long> actual = new HashMap<>();
        next.drain(slot -> actual.put(next.inlineKey(slot), next.getLong(slot, 0)));
        assertEquals(expected, actual);

        AggregationTable holdsKeys = new AggregationTable(16, 1, true);
        holdsKeys.insert(-holdsKeys.find(1L) - 1, null, null);
        assertFalse(holdsKeys.adopt(new long[2 * 1025]), "a table with keys adopts nothing");
    }

    private static int keyOf(Object record) {
        return Integer.parseInt(((String) record).substring("record-".length()));
    }
}
