package dev.spindle.runtime.serialization;

import dev.spindle.api.tuple.Tuple;
import dev.spindle.api.tuple.Tuple1;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.api.tuple.Tuple4;
import dev.spindle.api.tuple.Tuple5;
import dev.spindle.api.tuple.Tuple6;
import dev.spindle.api.tuple.Tuple7;
import dev.spindle.api.tuple.Tuple8;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Serializes one {@link Tuple} class (Tuple1..Tuple8, or a user subclass of one that adds no fields and
 * has a no-arg constructor) with one serializer per field. Each field is preceded by a 1-byte null
 * marker, so fields may be {@code null}. Not thread-safe when a field serializer keeps state; use
 * {@link #duplicate()} per thread.
 */
public final class TupleSerializer<T extends Tuple> implements TypeSerializer<T> {

    private static final List<Class<?>> BUILT_IN = List.of(
            Tuple1.class, Tuple2.class, Tuple3.class, Tuple4.class,
            Tuple5.class, Tuple6.class, Tuple7.class, Tuple8.class);

    // Field kinds written and read inline (the same bytes as their serializers write): the call
    // through TypeSerializer is megamorphic in any real job, and these fields are most of them.
    private static final byte OTHER = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte INT = 3;
    private static final byte STRING = 4;

    private final Class<T> tupleClass;
    private final TypeSerializer<Object>[] fieldSerializers;
    private final byte[] fieldKinds;
    private final boolean builtIn;
    /** Only for user subclasses; re-resolved after Java deserialization. */
    private transient Constructor<T> constructor;

    public TupleSerializer(Class<T> tupleClass, TypeSerializer<?>[] fieldSerializers) {
        if (!isSupported(tupleClass)) {
            throw new IllegalArgumentException(tupleClass.getName() + " is not a supported tuple class");
        }
        int arity = builtInBase(tupleClass).arity();
        if (fieldSerializers.length != arity) {
            throw new IllegalArgumentException("Expected " + arity + " field serializers for " + tupleClass.getName());
        }
        this.tupleClass = tupleClass;
        this.fieldSerializers = Serializers.asObjectSerializers(fieldSerializers.clone());
        this.fieldKinds = new byte[arity];
        for (int i = 0; i < arity; i++) {
            fieldKinds[i] = kindOf(fieldSerializers[i]);
        }
        this.builtIn = isBuiltIn(tupleClass);
        initConstructor();
    }

    /** Whether {@code type} is exactly one of Tuple1..Tuple8. */
    public static boolean isBuiltIn(Class<?> type) {
        return BUILT_IN.contains(type);
    }

    /**
     * Whether this serializer can handle {@code type}: a built-in tuple, or a concrete subclass of one
     * with a no-arg constructor that declares no further instance fields.
     */
    public static boolean isSupported(Class<?> type) {
        if (isBuiltIn(type)) {
            return true;
        }
        if (!Tuple.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())
                || builtInBase(type) == null || hasExtraFields(type)) {
            return false;
        }
        try {
            type.getDeclaredConstructor().setAccessible(true);
            return true;
        } catch (NoSuchMethodException | RuntimeException e) {
            return false;
        }
    }

    /** The generic types of {@code f0..fN} as declared in the built-in tuple class {@code type} extends. */
    static Type[] declaredFieldTypes(Class<?> type) {
        Base base = builtInBase(type);
        Type[] types = new Type[base.arity()];
        try {
            for (int i = 0; i < types.length; i++) {
                types[i] = base.type().getField("f" + i).getGenericType();
            }
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Tuple class " + base.type().getName() + " lacks field", e);
        }
        return types;
    }

    private record Base(Class<?> type, int arity) {
    }

    private static Base builtInBase(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            int index = BUILT_IN.indexOf(c);
            if (index >= 0) {
                return new Base(c, index + 1);
            }
        }
        return null;
    }

    private static boolean hasExtraFields(Class<?> type) {
        for (Class<?> c = type; !isBuiltIn(c); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte kindOf(TypeSerializer<?> serializer) {
        if (serializer == BasicSerializers.LongSerializer.INSTANCE) {
            return LONG;
        }
        if (serializer == BasicSerializers.DoubleSerializer.INSTANCE) {
            return DOUBLE;
        }
        if (serializer == BasicSerializers.IntSerializer.INSTANCE) {
            return INT;
        }
        return serializer == BasicSerializers.StringSerializer.INSTANCE ? STRING : OTHER;
    }

    @Override
    public void serialize(T record, DataOutputView out) throws IOException {
        if (builtIn && record instanceof Tuple2<?, ?> pair) {
            writeField(0, pair.f0, out);
            writeField(1, pair.f1, out);
            return;
        }
        for (int i = 0; i < fieldSerializers.length; i++) {
            writeField(i, record.getField(i), out);
        }
    }

    /** What {@link Serializers#writeNullable} writes with the field's serializer. */
    private void writeField(int i, Object value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeBoolean(false);
            return;
        }
        out.writeBoolean(true);
        switch (fieldKinds[i]) {
            case LONG -> out.writeLong((Long) value);
            case DOUBLE -> out.writeDouble((Double) value);
            case INT -> out.writeInt((Integer) value);
            case STRING -> out.writeString((String) value);
            default -> fieldSerializers[i].serialize(value, out);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(DataInputView in) throws IOException {
        if (builtIn && fieldKinds.length == 2) {
            Tuple2<Object, Object> pair = new Tuple2<>();
            pair.f0 = readField(0, in);
            pair.f1 = readField(1, in);
            return (T) pair;
        }
        T tuple = newTuple();
        for (int i = 0; i < fieldSerializers.length; i++) {
            tuple.setField(i, readField(i, in));
        }
        return tuple;
    }

    /** What {@link Serializers#readNullable} reads with the field's serializer. */
    private Object readField(int i, DataInputView in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return switch (fieldKinds[i]) {
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case INT -> in.readInt();
            case STRING -> in.readString();
            default -> fieldSerializers[i].deserialize(in);
        };
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<Object>[] copies = Serializers.duplicateAll(fieldSerializers);
        return copies == fieldSerializers ? this : new TupleSerializer<>(tupleClass, copies);
    }

    public Class<T> getTupleClass() {
        return tupleClass;
    }

    @SuppressWarnings("unchecked")
    private T newTuple() throws IOException {
        if (builtIn) {
            return (T) Tuple.ofArity(fieldSerializers.length);
        }
        try {
            return constructor.newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IOException("Cannot instantiate tuple class " + tupleClass.getName(), e);
        }
    }

    private void initConstructor() {
        if (builtIn) {
            return;
        }
        try {
            constructor = tupleClass.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(tupleClass.getName() + " has no no-arg constructor", e);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        initConstructor();
    }
}
