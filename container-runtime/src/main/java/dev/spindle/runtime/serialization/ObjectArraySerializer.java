package dev.spindle.runtime.serialization;

import java.io.IOException;
import java.lang.reflect.Array;

/**
 * Serializes arrays of objects (including arrays of arrays): a var-int length, then per element a
 * 1-byte null marker and the element written by the component serializer. The array read back has the
 * component class given here. Not thread-safe when the element serializer keeps state; use
 * {@link #duplicate()} per thread.
 */
public final class ObjectArraySerializer<C> implements TypeSerializer<C[]> {

    private final Class<C> componentClass;
    private final TypeSerializer<Object> elementSerializer;

    @SuppressWarnings("unchecked")
    public ObjectArraySerializer(Class<C> componentClass, TypeSerializer<? super C> elementSerializer) {
        if (componentClass.isPrimitive()) {
            throw new IllegalArgumentException("Use PrimitiveArraySerializers for " + componentClass + "[]");
        }
        this.componentClass = componentClass;
        this.elementSerializer = (TypeSerializer<Object>) elementSerializer;
    }

    @Override
    public void serialize(C[] record, DataOutputView out) throws IOException {
        out.writeVarInt(record.length);
        for (C element : record) {
            Serializers.writeNullable(elementSerializer, element, out);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public C[] deserialize(DataInputView in) throws IOException {
        int length = in.readVarInt();
        if (length < 0) {
            throw new IOException("Corrupt array length " + length);
        }
        C[] result = (C[]) Array.newInstance(componentClass, length);
        for (int i = 0; i < length; i++) {
            result[i] = (C) Serializers.readNullable(elementSerializer, in);
        }
        return result;
    }

    @Override
    public TypeSerializer<C[]> duplicate() {
        TypeSerializer<Object> copy = elementSerializer.duplicate();
        return copy == elementSerializer ? this : new ObjectArraySerializer<>(componentClass, copy);
    }

    public Class<C> getComponentClass() {
        return componentClass;
    }

    public TypeSerializer<Object> getElementSerializer() {
        return elementSerializer;
    }
}
