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
                buckets[h & 1023]++;
                if (h >>> 29 == 0) {
                    nextLevelPartitions[SerializedTable.rehash(JoinSide.hash(key), level + 1) >>> 29]++;
                }
            }
            assertEvenlySpread(partitions, "partitions at level " + level);
            assertEvenlySpread(buckets, "buckets at level " + level);
            assertEvenlySpread(nextLevelPartitions, "partitions at level " + (level + 1) + " of one partition");
        }
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
        MemoryManager memory = new MemoryManager(64 << 10, 1024, 1);
        PagePool pool = new PagePool(memory.allocatePages("test", 64));
        JoinSide<Tuple2<Integer, String>> side = new JoinSide<>(JoinTestData.LEFT_SERIALIZER, t -> t.f0, true);
        SerializedTable<Tuple2<Integer, String>> table = new SerializedTable<>(side, pool, 1, 40);
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
