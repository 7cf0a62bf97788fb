package dev.spindle.dataset.internal;

import dev.spindle.runtime.io.InputFormat;
import dev.spindle.runtime.io.InputSplit;
import dev.spindle.runtime.serialization.DataInputDeserializer;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.io.IOException;
import java.util.Collection;

/** Reads elements given in the program; they travel serialized in the job graph. Not parallel. */
public final class CollectionInputFormat<T> implements InputFormat<T, CollectionInputFormat.Split> {

    /** The single split. */
    public record Split(int splitNumber) implements InputSplit {
    }

    private final TypeSerializer<T> serializer;
    private final byte[] data;
    private final int count;
    private transient DataInputDeserializer in;
    private transient int read;

    public CollectionInputFormat(Collection<T> elements, TypeSerializer<T> serializer) {
        this.serializer = serializer;
        DataOutputSerializer out = new DataOutputSerializer(1024);
        try {
            for (T e : elements) {
                if (e == null) {
                    throw new IllegalArgumentException("Collections given to a job may not contain null");
                }
                serializer.serialize(e, out);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialize the collection's elements: " + e.getMessage(), e);
        }
        this.data = out.toByteArray();
        this.count = elements.size();
    }

    /** The serialized size of the elements. */
    @Override
    public long estimatedSizeBytes() {
        return data.length;
    }

    @Override
    public Split[] createInputSplits(int minNumSplits) {
        return new Split[] {new Split(0)};
    }

    @Override
    public void open(Split split) {
        in = new DataInputDeserializer(data);
        read = 0;
    }

    @Override
    public boolean reachedEnd() {
        return read >= count;
    }

    @Override
    public T nextRecord() throws IOException {
        read++;
        return serializer.deserialize(in);
    }

    @Override
    public void close() {
        in = null;
    }
}
