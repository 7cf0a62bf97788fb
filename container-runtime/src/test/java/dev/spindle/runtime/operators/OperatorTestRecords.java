package dev.spindle.runtime.operators;

import dev.spindle.api.tuple.Tuple3;
import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.serialization.TupleSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Records for operator tests: {@code (key, sequence number, payload)} tuples where key 0 holds
 * about half of all records, so one group is far larger than the others; and a recursive file count
 * for checking spill directories.
 */
public final class OperatorTestRecords {

    private OperatorTestRecords() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static TypeSerializer<Tuple3<Integer, Long, String>> serializer() {
        return new TupleSerializer(Tuple3.class, new TypeSerializer<?>[] {
            Serializers.forClass(Integer.class), Serializers.forClass(Long.class), Serializers.forClass(String.class)});
    }

    /**
     * {@code n} records: key 0 for about half, otherwise one of {@code 1..keys-1}; the sequence
     * number is {@code offset} plus the index (unique); the payload is 0 to 20 letters.
     */
    public static List<Tuple3<Integer, Long, String>> skewed(int n, int keys, long offset, long seed) {
        Random random = new Random(seed);
        List<Tuple3<Integer, Long, String>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int key = random.nextBoolean() ? 0 : 1 + random.nextInt(keys - 1);
            StringBuilder payload = new StringBuilder();
            for (int c = random.nextInt(21); c > 0; c--) {
                payload.append((char) ('a' + random.nextInt(26)));
            }
            records.add(Tuple3.of(key, offset + i, payload.toString()));
        }
        return records;
    }

    /** Regular files under {@code dir}, recursively. */
    public static int countFiles(File dir) {
        File[] children = dir.listFiles();
        int n = 0;
        for (File child : children == null ? new File[0] : children) {
            n += child.isDirectory() ? countFiles(child) : 1;
        }
        return n;
    }
}
