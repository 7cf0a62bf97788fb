package dev.spindle.runtime.operators.join;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.serialization.DataInputDeserializer;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.partitioner.KeyHashing;
import java.io.IOException;
import java.util.Objects;

/**
 * One input of a join as the algorithms see it: how to get a record's key, whether unmatched records
 * are kept (the outer side of an outer join), and how to turn records into bytes and back. Holds
 * reusable buffers, so each operator instance makes its own; task thread only.
 *
 * <p>Key semantics, shared by every join strategy: keys are equal by {@link Objects#deepEquals}, hash
 * by {@link KeyHashing#stableHash}, and a {@code null} key equals nothing.
 */
final class JoinSide<T> {

    private final TypeSerializer<T> serializer;
    private final KeySelector<T, ?> keySelector;
    private final boolean keepsUnmatched;
    private final DataOutputSerializer scratch = new DataOutputSerializer(256);
    private final DataInputDeserializer reader = new DataInputDeserializer();

    JoinSide(TypeSerializer<T> serializer, KeySelector<T, ?> keySelector, boolean keepsUnmatched) {
        this.serializer = serializer.duplicate();
        this.keySelector = keySelector;
        this.keepsUnmatched = keepsUnmatched;
    }

    /** Whether records of this side without a match are emitted (paired with {@code null}). */
    boolean keepsUnmatched() {
        return keepsUnmatched;
    }

    Object key(T record) throws Exception {
        return keySelector.getKey(record);
    }

    static int hash(Object key) {
        return KeyHashing.stableHash(key);
    }

    /** Whether two keys join: equal and not {@code null}. */
    static boolean keysMatch(Object a, Object b) {
        return a != null && b != null && Objects.deepEquals(a, b);
    }

    /** Serializes {@code record} into the scratch buffer ({@link #bytes()}) and returns its length. */
    int serialize(T record) throws IOException {
        scratch.clear();
        serializer.serialize(record, scratch);
        return scratch.length();
    }

    /** The bytes of the record serialized last. */
    byte[] bytes() {
        return scratch.getBuffer();
    }

    T deserialize(byte[] bytes, int offset, int length) throws IOException {
        reader.setBuffer(bytes, offset, length);
        return serializer.deserialize(reader);
    }

    /** A deep copy, for a record handed to the user function more than once. */
    T copy(T record) throws IOException {
        int length = serialize(record);
        return deserialize(scratch.getBuffer(), 0, length);
    }
}
