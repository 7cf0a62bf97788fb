package dev.spindle.runtime.shuffle.partitioner;

import dev.spindle.api.tuple.Tuple;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * A hash of keys that is the same in every JVM, so that producers on different TaskManagers agree
 * where a key goes. {@code Object.hashCode} is not (enums, for one, hash by identity), so enums hash
 * by name, and tuples, records and arrays hash through their elements.
 */
public final class KeyHashing {

    private KeyHashing() {
    }

    public static int subpartition(Object key, int numSubpartitions) {
        return Math.floorMod(mix(stableHash(key)), numSubpartitions);
    }

    public static int stableHash(Object key) {
        if (key == null) {
            return 0;
        }
        if (key instanceof String || key instanceof Number || key instanceof Boolean || key instanceof Character) {
            return key.hashCode();
        }
        if (key instanceof Enum<?> e) {
            return e.name().hashCode();
        }
        if (key instanceof Tuple t) {
            int h = 1;
            for (int i = 0; i < t.getArity(); i++) {
                h = 31 * h + stableHash(t.getField(i));
            }
            return h;
        }
        if (key instanceof Record r) {
            return recordHash(r);
        }
        if (key.getClass().isArray()) {
            return arrayHash(key);
        }
        return key.hashCode();
    }

    /** The accessors of each record class, looked up once rather than for every key. */
    private static final ClassValue<Method[]> RECORD_ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    private static int recordHash(Record r) {
        int h = 1;
        try {
            for (Method accessor : RECORD_ACCESSORS.get(r.getClass())) {
                h = 31 * h + stableHash(accessor.invoke(r));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return r.hashCode();
        }
        return h;
    }

    private static int arrayHash(Object array) {
        if (array instanceof Object[] a) {
            int h = 1;
            for (Object o : a) {
                h = 31 * h + stableHash(o);
            }
            return h;
        }
        if (array instanceof byte[] a) {
            return Arrays.hashCode(a);
        }
        if (array instanceof int[] a) {
            return Arrays.hashCode(a);
        }
        if (array instanceof long[] a) {
            return Arrays.hashCode(a);
        }
        if (array instanceof char[] a) {
            return Arrays.hashCode(a);
        }
        if (array instanceof double[] a) {
            return Arrays.hashCode(a);
        }
        return array.hashCode();
    }

    /** Murmur3's finalizer: spreads keys whose hashes differ only in high bits. */
    public static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
