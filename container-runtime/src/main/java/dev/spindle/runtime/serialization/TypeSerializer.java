package dev.spindle.runtime.serialization;

import java.io.IOException;
import java.io.Serializable;

/**
 * Turns records of one type into bytes and back. Serializers travel inside the job graph, so they
 * are {@link Serializable}; an instance is used by one thread at a time ({@link #duplicate()} gives
 * each task its own copy when the serializer keeps mutable state, as Kryo does).
 */
public interface TypeSerializer<T> extends Serializable {

    void serialize(T record, DataOutputView out) throws IOException;

    T deserialize(DataInputView in) throws IOException;

    /** A copy safe to use from another thread; stateless serializers return {@code this}. */
    default TypeSerializer<T> duplicate() {
        return this;
    }
}
