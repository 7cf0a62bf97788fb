package dev.spindle.runtime.serialization;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Serializes one Java record class component by component, in declaration order, and rebuilds it
 * through the canonical constructor. Primitive components are written bare; every other component is
 * preceded by a 1-byte null marker. Accessors and constructor are opened with {@code setAccessible},
 * so the constructor fails if the record's module does not allow that. Not thread-safe when a component
 * serializer keeps state; use {@link #duplicate()} per thread.
 */
public final class RecordSerializer<R extends Record> implements TypeSerializer<R> {

    private final Class<R> recordClass;
    private final TypeSerializer<Object>[] componentSerializers;
    private transient boolean[] primitive;
    private transient Method[] accessors;
    private transient Constructor<R> canonical;

    /**
     * @param componentSerializers one per record component, in declaration order
     * @throws RuntimeException if the accessors or canonical constructor cannot be made accessible
     */
    public RecordSerializer(Class<R> recordClass, TypeSerializer<?>[] componentSerializers) {
        if (!recordClass.isRecord() || recordClass.getRecordComponents().length != componentSerializers.length) {
            throw new IllegalArgumentException("Need one serializer per component of record " + recordClass.getName());
        }
        this.recordClass = recordClass;
        this.componentSerializers = Serializers.asObjectSerializers(componentSerializers.clone());
        initReflection();
    }

    @Override
    public void serialize(R record, DataOutputView out) throws IOException {
        for (int i = 0; i < accessors.length; i++) {
            Object value = read(accessors[i], record);
            if (primitive[i]) {
                componentSerializers[i].serialize(value, out);
            } else {
                Serializers.writeNullable(componentSerializers[i], value, out);
            }
        }
    }

    @Override
    public R deserialize(DataInputView in) throws IOException {
        Object[] values = new Object[accessors.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = primitive[i]
                    ? componentSerializers[i].deserialize(in)
                    : Serializers.readNullable(componentSerializers[i], in);
        }
        try {
            return canonical.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IOException("Cannot construct record " + recordClass.getName(), e);
        }
    }

    @Override
    public TypeSerializer<R> duplicate() {
        TypeSerializer<Object>[] copies = Serializers.duplicateAll(componentSerializers);
        return copies == componentSerializers ? this : new RecordSerializer<>(recordClass, copies);
    }

    public Class<R> getRecordClass() {
        return recordClass;
    }

    private Object read(Method accessor, R record) throws IOException {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IOException("Cannot read component " + accessor.getName() + " of " + recordClass.getName(), e);
        }
    }

    private void initReflection() {
        RecordComponent[] components = recordClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        primitive = new boolean[components.length];
        accessors = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            primitive[i] = types[i].isPrimitive();
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
        }
        try {
            canonical = recordClass.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Record " + recordClass.getName() + " has no canonical constructor", e);
        }
        canonical.setAccessible(true);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        initReflection();
    }
}
