package dev.spindle.runtime.serialization;

import dev.spindle.api.tuple.Tuple;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the serializer for a (possibly generic) Java type. In order: unknown types ({@code null},
 * {@code Object}, type variables, wildcards) get a {@link DynamicSerializer}; primitives, boxes and
 * {@code String} get {@link BasicSerializers}; arrays get {@link PrimitiveArraySerializers} or an
 * {@link ObjectArraySerializer}; tuples a {@link TupleSerializer}; records a {@link RecordSerializer};
 * enums an {@link EnumSerializer}; collections and maps a {@link KryoSerializer}; other interfaces and
 * abstract classes a {@link DynamicSerializer}; POJOs a {@link PojoSerializer}; everything else Kryo.
 * Field and component types are resolved against the type's generic arguments (and, for subclasses,
 * their generic superclasses). A type that contains itself (a linked-list node) gets a
 * {@link DynamicSerializer} where it recurs. Stateless; any thread may call it.
 */
public final class Serializers {

    /** Deeper nesting than this is treated as unknown, which stops runaway recursive generic types. */
    private static final int MAX_NESTING = 64;
    private static final List<String> JDK_PACKAGE_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private Serializers() {
    }

    /** The serializer for values of {@code type}, e.g. a {@code ParameterizedType} for {@code Tuple2<String, Long>}. */
    @SuppressWarnings("unchecked")
    public static <T> TypeSerializer<T> forType(Type type) {
        return (TypeSerializer<T>) resolve(GenericTypes.resolve(type, Map.of()), new HashSet<>());
    }

    /** The serializer for values of {@code type}; generic parameters of {@code type} are unknown. */
    public static <T> TypeSerializer<T> forClass(Class<T> type) {
        return forType(type);
    }

    private static TypeSerializer<?> resolve(Type type, Set<Type> inProgress) {
        if (type == null || type instanceof TypeVariable<?> || type instanceof WildcardType) {
            return new DynamicSerializer();
        }
        if (type instanceof GenericArrayType array) {
            return objectArray(GenericTypes.rawClass(array.getGenericComponentType()),
                    array.getGenericComponentType(), inProgress);
        }
        Class<?> raw = GenericTypes.rawClass(type);
        TypeSerializer<?> simple = simple(raw, inProgress);
        if (simple != null) {
            return simple;
        }
        if (inProgress.size() >= MAX_NESTING || !inProgress.add(type)) {
            return new DynamicSerializer();
        }
        try {
            return composite(type, raw, inProgress);
        } finally {
            inProgress.remove(type);
        }
    }

    /** Serializers that need no field analysis, or {@code null}. */
    private static TypeSerializer<?> simple(Class<?> raw, Set<Type> inProgress) {
        if (raw == Object.class) {
            return new DynamicSerializer();
        }
        TypeSerializer<?> basic = BasicSerializers.forClass(raw);
        if (basic != null) {
            return basic;
        }
        if (raw.isArray()) {
            TypeSerializer<?> primitiveArray = PrimitiveArraySerializers.forClass(raw);
            return primitiveArray != null
                    ? primitiveArray
                    : objectArray(raw.getComponentType(), raw.getComponentType(), inProgress);
        }
        if (Enum.class.isAssignableFrom(raw) && raw != Enum.class) {
            return enumSerializer(raw);
        }
        if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            return new KryoSerializer<>(raw);
        }
        if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
            return new DynamicSerializer();
        }
        return null;
    }

    private static TypeSerializer<?> composite(Type type, Class<?> raw, Set<Type> inProgress) {
        if (TupleSerializer.isSupported(raw)) {
            return tuple(type, raw, inProgress);
        }
        if (raw.isRecord()) {
            return record(type, raw, inProgress);
        }
        List<Field> pojoFields = PojoSerializer.pojoFields(raw);
        if (pojoFields != null) {
            return pojo(type, raw, pojoFields, inProgress);
        }
        return new KryoSerializer<>(raw);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeSerializer<?> tuple(Type type, Class<?> raw, Set<Type> inProgress) {
        Map<TypeVariable<?>, Type> bindings = GenericTypes.bindings(type);
        Type[] fieldTypes = TupleSerializer.declaredFieldTypes(raw);
        TypeSerializer<?>[] fields = new TypeSerializer<?>[fieldTypes.length];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = resolve(GenericTypes.resolve(fieldTypes[i], bindings), inProgress);
        }
        return new TupleSerializer(raw.asSubclass(Tuple.class), fields);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeSerializer<?> record(Type type, Class<?> raw, Set<Type> inProgress) {
        Map<TypeVariable<?>, Type> bindings = GenericTypes.bindings(type);
        RecordComponent[] components = raw.getRecordComponents();
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            serializers[i] = resolve(GenericTypes.resolve(components[i].getGenericType(), bindings), inProgress);
        }
        try {
            return new RecordSerializer(raw.asSubclass(Record.class), serializers);
        } catch (RuntimeException e) {
            // The record's module does not open it to us (InaccessibleObjectException).
            return new KryoSerializer<>(raw);
        }
    }

    private static TypeSerializer<?> pojo(Type type, Class<?> raw, List<Field> fields, Set<Type> inProgress) {
        Map<TypeVariable<?>, Type> bindings = GenericTypes.bindings(type);
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[fields.size()];
        for (int i = 0; i < serializers.length; i++) {
            serializers[i] = resolve(GenericTypes.resolve(fields.get(i).getGenericType(), bindings), inProgress);
        }
        return new PojoSerializer<>(raw, fields, serializers);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeSerializer<?> enumSerializer(Class<?> raw) {
        // A constant with a body is an anonymous subclass of the enum class.
        Class<?> enumClass = raw.isEnum() ? raw : raw.getSuperclass();
        return new EnumSerializer(enumClass.asSubclass(Enum.class));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeSerializer<?> objectArray(Class<?> componentClass, Type componentType, Set<Type> inProgress) {
        return new ObjectArraySerializer(componentClass, resolve(componentType, inProgress));
    }

    /** Whether {@code type} belongs to the JDK, whose internals we neither open nor treat as POJOs. */
    static boolean isJdkClass(Class<?> type) {
        String name = type.getName();
        for (String prefix : JDK_PACKAGE_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Writes a 1-byte null marker, then {@code value} if it is not {@code null}. */
    static void writeNullable(TypeSerializer<Object> serializer, Object value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeBoolean(false);
        } else {
            out.writeBoolean(true);
            serializer.serialize(value, out);
        }
    }

    /** Reads what {@link #writeNullable} wrote. */
    static Object readNullable(TypeSerializer<Object> serializer, DataInputView in) throws IOException {
        return in.readBoolean() ? serializer.deserialize(in) : null;
    }

    /** Views serializers of arbitrary types as serializers of objects, for containers that hold several. */
    @SuppressWarnings("unchecked")
    static TypeSerializer<Object>[] asObjectSerializers(TypeSerializer<?>[] serializers) {
        return (TypeSerializer<Object>[]) serializers;
    }

    /** Duplicates of {@code serializers}; the same array if every serializer duplicates to itself. */
    static TypeSerializer<Object>[] duplicateAll(TypeSerializer<Object>[] serializers) {
        TypeSerializer<Object>[] copies = null;
        for (int i = 0; i < serializers.length; i++) {
            TypeSerializer<Object> copy = serializers[i].duplicate();
            if (copy != serializers[i] && copies == null) {
                copies = serializers.clone();
            }
            if (copies != null) {
                copies[i] = copy;
            }
        }
        return copies == null ? serializers : copies;
    }
}
