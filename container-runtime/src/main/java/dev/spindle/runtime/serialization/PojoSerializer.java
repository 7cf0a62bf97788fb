package dev.spindle.runtime.serialization;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Serializes a POJO field by field through reflection and rebuilds it with its public no-arg
 * constructor. A POJO is a public, concrete class, with no JDK class but Object above it, whose
 * non-static, non-transient fields (across the class hierarchy) can all be made accessible; see
 * {@link #pojoFields}. Fields are written
 * superclass first, and by name within one class; primitive fields are written bare, reference fields
 * after a 1-byte null marker. Not thread-safe when a field serializer keeps state; use
 * {@link #duplicate()} per thread.
 */
public final class PojoSerializer<T> implements TypeSerializer<T> {

    private final Class<T> type;
    private final Class<?>[] declaringClasses;
    private final String[] fieldNames;
    private final TypeSerializer<Object>[] fieldSerializers;
    private transient Field[] fields;
    private transient boolean[] primitive;
    private transient Constructor<T> constructor;

    /**
     * @param fields the fields to write, as returned by {@link #pojoFields}
     * @param fieldSerializers one per field, in the same order
     */
    public PojoSerializer(Class<T> type, List<Field> fields, TypeSerializer<?>[] fieldSerializers) {
        if (fields.size() != fieldSerializers.length) {
            throw new IllegalArgumentException("Need one serializer per field of " + type.getName());
        }
        this.type = type;
        this.declaringClasses = fields.stream().map(Field::getDeclaringClass).toArray(Class<?>[]::new);
        this.fieldNames = fields.stream().map(Field::getName).toArray(String[]::new);
        this.fieldSerializers = Serializers.asObjectSerializers(fieldSerializers.clone());
        initReflection();
    }

    /**
     * The fields a POJO serializer for {@code type} writes, in order, already made accessible; or
     * {@code null} if {@code type} is not a POJO.
     */
    public static List<Field> pojoFields(Class<?> type) {
        if (!hasPojoShape(type)) {
            return null;
        }
        List<Field> result = new ArrayList<>();
        for (Class<?> c : hierarchyRootFirst(type)) {
            if (Serializers.isJdkClass(c)) {
                return null; // e.g. extends Exception: JDK internals are Kryo's business
            }
            List<Field> own = new ArrayList<>();
            for (Field f : c.getDeclaredFields()) {
                int modifiers = f.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || f.isSynthetic()) {
                    continue;
                }
                if (!f.trySetAccessible()) {
                    return null;
                }
                own.add(f);
            }
            own.sort(Comparator.comparing(Field::getName));
            result.addAll(own);
        }
        return result;
    }

    private static boolean hasPojoShape(Class<?> type) {
        int modifiers = type.getModifiers();
        if (!Modifier.isPublic(modifiers) || Modifier.isAbstract(modifiers) || type.isInterface()
                || type.isArray() || type.isPrimitive() || type.isEnum() || type.isRecord()
                || Serializers.isJdkClass(type)) {
            return false;
        }
        try {
            return Modifier.isPublic(type.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Deque<Class<?>> hierarchyRootFirst(Class<?> type) {
        Deque<Class<?>> classes = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            classes.addFirst(c);
        }
        return classes;
    }

    @Override
    public void serialize(T record, DataOutputView out) throws IOException {
        try {
            for (int i = 0; i < fields.length; i++) {
                Object value = fields[i].get(record);
                if (primitive[i]) {
                    fieldSerializers[i].serialize(value, out);
                } else {
                    Serializers.writeNullable(fieldSerializers[i], value, out);
                }
            }
        } catch (IllegalAccessException e) {
            throw new IOException("Cannot read fields of " + type.getName(), e);
        }
    }

    @Override
    public T deserialize(DataInputView in) throws IOException {
        try {
            T result = constructor.newInstance();
            for (int i = 0; i < fields.length; i++) {
                Object value = primitive[i]
                        ? fieldSerializers[i].deserialize(in)
                        : Serializers.readNullable(fieldSerializers[i], in);
                fields[i].set(result, value);
            }
            return result;
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IOException("Cannot rebuild POJO " + type.getName(), e);
        }
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<Object>[] copies = Serializers.duplicateAll(fieldSerializers);
        return copies == fieldSerializers ? this : new PojoSerializer<>(type, Arrays.asList(fields), copies);
    }

    public Class<T> getType() {
        return type;
    }

    /** The names of the serialized fields, in the order they are written. */
    public List<String> getFieldNames() {
        return List.of(fieldNames);
    }

    private void initReflection() {
        fields = new Field[fieldNames.length];
        primitive = new boolean[fieldNames.length];
        try {
            for (int i = 0; i < fields.length; i++) {
                fields[i] = declaringClasses[i].getDeclaredField(fieldNames[i]);
                fields[i].setAccessible(true);
                primitive[i] = fields[i].getType().isPrimitive();
            }
            constructor = type.getConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchFieldException | NoSuchMethodException e) {
            throw new IllegalStateException("POJO class " + type.getName() + " changed shape", e);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        initReflection();
    }
}
