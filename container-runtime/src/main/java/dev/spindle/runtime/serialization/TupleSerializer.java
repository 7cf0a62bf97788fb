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

    private final Class<T> tupleClass;
    private final TypeSerializer<Object>[] fieldSerializers;
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

    @Override
    public void serialize(T record, DataOutputView out) throws IOException {
        for (int i = 0; i < fieldSerializers.length; i++) {
            Serializers.writeNullable(fieldSerializers[i], record.getField(i), out);
        }
    }

    @Override
    public T deserialize(DataInputView in) throws IOException {
        T tuple = newTuple();
        for (int i = 0; i < fieldSerializers.length; i++) {
            tuple.setField(i, Serializers.readNullable(fieldSerializers[i], in));
        }
        return tuple;
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
