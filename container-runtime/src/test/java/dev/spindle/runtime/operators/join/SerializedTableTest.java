package dev.spindle.runtime.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.memory.MemoryManager;
import dev.spindle.runtime.shuffle.partitioner.KeyHashing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerializedTableTest {

    @Test
    void shouldSpreadTheKeysOfOneShuffleSubpartitionOverPartitionsAndBucketsAtEveryLevel() {
        // The keys one subtask of four gets from a hash shuffle.
        List<Integer> keys = new ArrayList<>();
        for (int k = 0; keys.size() < 200_000; k++) {
            if (KeyHashing.subpartition(k, 4) == 0) {
                keys.add(k);
            }
        }
        for (int level = 0; level < HybridHashJoin.MAX_LEVEL; level++) {
            int[] partitions = new int[8];
            int[] buckets = new int[1024];
            int[] nextLevelPartitions = new int[8];
            for (int key : keys) {
                int h = SerializedTable.rehash(JoinSide.hash(key), level);
                partitions[h >>> 29]++;
                // A table of one of 8 partitions with 1024 buckets: the 10 bits after the partition's 3.
                buckets[(h << 3) >>> 22]++;
                if (h >>> 29 == 0) {
                    nextLevelPartitions[SerializedTable.rehash(JoinSide.hash(key), level + 1) >>> 29]++;
                }
            }
            assertEvenlySpread(partitions, "partitions at level " + level);
            assertEvenlySpread(buckets, "buckets at level " + level);
            assertEvenlySpread(nextLevelPartitions, "partitions at level " + (level + 1) + " of one partition");
        }
    }

    /**
     * Keys sorted by {@link SerializedTable#probeOrder} (as an input clustered before an iteration)
     * find their buckets in one table front to back, and still spread over the buckets.
     */
    @Test
    void shouldIndexKeysInTheirProbeOrder() throws Exception {
        PagePool pool = pool(256, 32 << 10);
        JoinSide<Tuple2<Integer, String>> side = side(false);
        // The table of partition 5 of 8 at level 0: the keys whose rehash starts with the bits 101.
        SerializedTable<Tuple2<Integer, String>> table = new SerializedTable<>(side, pool, 0, 3, 256);
        List<Integer> keys = new ArrayList<>();
        for (int k = 0; keys.size() < 20_000; k++) {
            if (SerializedTable.rehash(JoinSide.hash(k), 0) >>> 29 == 5) {
                keys.add(k);
                assertTrue(table.add(JoinSide.hash(k), side.bytes(), side.serialize(Tuple2.of(k, "v"))));
            }
        }
        table.buildIndex();
        keys.sort((a, b) -> Integer.compare(SerializedTable.probeOrder(JoinSide.hash(a)),
                SerializedTable.probeOrder(JoinSide.hash(b))));
        int previous = -1;
        int distinct = 0;
        for (int key : keys) {
            int bucket = table.bucket(JoinSide.hash(key));
            assertTrue(bucket >= previous, "key " + key + " in bucket " + bucket + " after bucket " + previous);
            distinct += bucket != previous ? 1 : 0;
            previous = bucket;
        }
        // 20,000 keys in 32,768 buckets: about 14,000 buckets get at least one when keys spread evenly.
        assertTrue(distinct > 12_000, distinct + " buckets used");
    }

    @Test
    void shouldHoldNoHashWhenEmpty() throws Exception {
        SerializedTable<Tuple2<Integer, String>> table = new SerializedTable<>(side(false), pool(8, 1024), 0, 0, 8);
        table.buildIndex();
        for (int key = 0; key < 100; key++) {
            assertFalse(table.containsHash(JoinSide.hash(key)));
        }
        table.release();
    }

    /** A pool of {@code pages} pages of {@code pageSize} bytes: all of a memory manager's. */
    private static PagePool pool(int pages, int pageSize) throws Exception {
        return new PagePool(new MemoryManager((long) pages * pageSize, pageSize, 1).allocatePages("test", pages));
    }

    /** The left side of {@link JoinTestData}'s joins, keyed by its first field. */
    private static JoinSide<Tuple2<Integer, String>> side(boolean keepsUnmatched) {
        return new JoinSide<>(JoinTestData.LEFT_SERIALIZER, t -> t.f0, keepsUnmatched);
    }

    private static void assertEvenlySpread(int[] counts, String what) {
        long total = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int c : counts) {
            total += c;
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        double mean = (double) total / counts.length;
        assertTrue(min > 0.7 * mean && max < 1.3 * mean, what + ": from " + min + " to " + max + " around " + mean);
    }

    @Test
    void shouldFindRecordsThatStraddlePagesAndRememberWhichMatched() throws Exception {
        PagePool pool = pool(64, 1024);
        JoinSide<Tuple2<Integer, String>> side = side(true);
        SerializedTable<Tuple2<Integer, String>> table = new SerializedTable<>(side, pool, 1, 2, 40);
        int added = 0;
        while (true) {
            // Texts of 10 to 2,500 characters: many records cross one or two page boundaries.
            Tuple2<Integer, String> record = Tuple2.of(added % 50, "v" + added + "-" + "z".repeat(10 + added * 397 % 2500));
            int length = side.serialize(record);
            if (!table.add(JoinSide.hash(record.f0), side.bytes(), length)) {
                break;
            }
            added++;
        }
        assertTrue(added > 10, "added " + added);
        assertEquals(64 - table.dataPages(), pool.free());
        assertTrue(table.dataPages() + table.indexPages(added) <= 40, "the page limit holds, index included");
        table.buildIndex();

        for (int key = 0; key < Math.min(added, 50); key++) {
            assertTrue(table.touch(JoinSide.hash(key)) != 0, "the bucket of key " + key + " has a chain");
        }
        for (int key = 0; key < Math.min(added, 50); key++) {
            assertTrue(table.containsHash(JoinSide.hash(key)), "the table holds key " + key);
        }
        for (int key = 1000; key < 1100; key++) {
            assertFalse(table.containsHash(JoinSide.hash(key)), "the table lacks key " + key);
        }
        int emptyBuckets = 0;
        for (int key = 1000; key < 1100; key++) {
            emptyBuckets += table.touch(JoinSide.hash(key)) == 0 ? 1 : 0;
        }
        assertTrue(emptyBuckets > 0, "keys the table does not hold mostly hash to empty buckets");

        List<String> matched = new ArrayList<>();
        for (int key = 0; key < 50; key += 2) {
            int n = table.match(JoinSide.hash(key), key, r -> matched.add(r.f1.substring(0, r.f1.indexOf('-'))));
            assertEquals((added - key + 49) / 50, n, "matches of key " + key);
        }
        assertFalse(matched.isEmpty());
        for (String m : matched) {
            assertEquals(0, Integer.parseInt(m.substring(1)) % 50 % 2);
        }
        List<Integer> unmatchedKeys = new ArrayList<>();
        table.forEachUnmatched(r -> unmatchedKeys.add(r.f0));
        assertEquals(added - matched.size(), unmatchedKeys.size());
        assertTrue(unmatchedKeys.stream().allMatch(k -> k % 2 == 1));
        table.release();
        assertEquals(64, pool.free());
    }
}
