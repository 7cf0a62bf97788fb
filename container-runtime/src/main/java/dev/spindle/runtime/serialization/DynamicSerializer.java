package dev.spindle.runtime.serialization;

import dev.spindle.api.tuple.Tuple;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Serializes values whose static type is unknown (lambdas erase generics), at the cost of a 1-byte tag
 * per value. Strings, boxed primitives, {@code byte[]} and {@code null} have their own tags; Tuple1..Tuple8
 * are written as their arity followed by each field, recursively and dynamically. Anything else (user
 * tuple subclasses included) is written as its class name followed by the value in the format of the
 * serializer {@link Serializers#forClass} picks for that class. Those per-class serializers are cached
 * by class name in this instance, and class names are resolved with the thread's context class loader,
 * so an instance belongs to one thread; {@link #duplicate()} gives another thread a fresh one.
 */
public final class DynamicSerializer implements TypeSerializer<Object> {

    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int INT = 2;
    private static final int LONG = 3;
    private static final int DOUBLE = 4;
    private static final int FLOAT = 5;
    private static final int SHORT = 6;
    private static final int BYTE = 7;
    private static final int CHAR = 8;
    private static final int BOOLEAN = 9;
    private static final int BYTES = 10;
    private static final int TUPLE = 11;
    private static final int GENERIC = 12;

    /** Per-class serializers for the GENERIC tag, by class name; created on first use. */
    private transient Map<String, TypeSerializer<Object>> byClassName;

    @Override
    public void serialize(Object record, DataOutputView out) throws IOException {
        if (record == null) {
            out.writeByte(NULL);
        } else if (record instanceof String s) {
            out.writeByte(STRING);
            out.writeString(s);
        } else if (!writeBoxed(record, out)) {
            if (record instanceof byte[] bytes) {
                out.writeByte(BYTES);
                PrimitiveArraySerializers.ByteArraySerializer.INSTANCE.serialize(bytes, out);
            } else if (TupleSerializer.isBuiltIn(record.getClass())) {
                writeTuple((Tuple) record, out);
            } else {
                writeGeneric(record, out);
            }
        }
    }

    @Override
    public Object deserialize(DataInputView in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> in.readString();
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case FLOAT -> in.readFloat();
            case SHORT -> in.readShort();
            case BYTE -> in.readByte();
            case CHAR -> in.readChar();
            case BOOLEAN -> in.readBoolean();
            case BYTES -> PrimitiveArraySerializers.ByteArraySerializer.INSTANCE.deserialize(in);
            case TUPLE -> readTuple(in);
            case GENERIC -> serializerFor(in.readString(), null).deserialize(in);
            default -> throw new IOException("Corrupt stream: unknown dynamic type tag " + tag);
        };
    }

    @Override
    public TypeSerializer<Object> duplicate() {
        return new DynamicSerializer();
    }

    private static boolean writeBoxed(Object value, DataOutputView out) throws IOException {
        if (value instanceof Integer v) {
            out.writeByte(INT);
            out.writeInt(v);
        } else if (value instanceof Long v) {
            out.writeByte(LONG);
            out.writeLong(v);
        } else if (value instanceof Double v) {
            out.writeByte(DOUBLE);
            out.writeDouble(v);
        } else if (value instanceof Float v) {
            out.writeByte(FLOAT);
            out.writeFloat(v);
        } else if (value instanceof Short v) {
            out.writeByte(SHORT);
            out.writeShort(v);
        } else if (value instanceof Byte v) {
            out.writeByte(BYTE);
            out.writeByte(v);
        } else if (value instanceof Character v) {
            out.writeByte(CHAR);
            out.writeChar(v);
        } else if (value instanceof Boolean v) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(v);
        } else {
            return false;
        }
        return true;
    }

    private void writeTuple(Tuple tuple, DataOutputView out) throws IOException {
        out.writeByte(TUPLE);
        out.writeByte(tuple.getArity());
        for (int i = 0; i < tuple.getArity(); i++) {
            serialize(tuple.getField(i), out);
        }
    }

    private Tuple readTuple(DataInputView in) throws IOException {
        int arity = in.readUnsignedByte();
        if (arity < 1 || arity > Tuple.MAX_ARITY) {
            throw new IOException("Corrupt stream: tuple arity " + arity);
        }
        Tuple tuple = Tuple.ofArity(arity);
        for (int i = 0; i < arity; i++) {
            tuple.setField(i, deserialize(in));
        }
        return tuple;
    }

    private void writeGeneric(Object value, DataOutputView out) throws IOException {
        Class<?> type = value instanceof Enum<?> e ? e.getDeclaringClass() : value.getClass();
        if (type.isHidden()) {
            throw new IOException("Cannot serialize " + type.getName()
                    + ": it is a hidden class (a lambda?) that cannot be found by name when reading");
        }
        String name = type.getName();
        out.writeByte(GENERIC);
        out.writeString(name);
        serializerFor(name, type).serialize(value, out);
    }

    /** The cached serializer for {@code className}; {@code type} is its class if known, else it is loaded. */
    private TypeSerializer<Object> serializerFor(String className, Class<?> type) throws IOException {
        if (byClassName == null) {
            byClassName = new HashMap<>();
        }
        TypeSerializer<Object> serializer = byClassName.get(className);
        if (serializer == null) {
            serializer = createSerializer(type != null ? type : loadClass(className));
            byClassName.put(className, serializer);
        }
        return serializer;
    }

    @SuppressWarnings("unchecked")
    private static TypeSerializer<Object> createSerializer(Class<?> type) {
        TypeSerializer<?> serializer = Serializers.forClass(type);
        if (serializer instanceof DynamicSerializer) {
            // Only Object itself gets here; delegating to ourselves would recurse forever.
            serializer = new KryoSerializer<>(type);
        }
        return (TypeSerializer<Object>) serializer;
    }

    private static Class<?> loadClass(String className) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(className, false, loader != null ? loader : DynamicSerializer.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("Cannot find class " + className + " to deserialize a value of it; "
                    + "is the job's jar on the task's class path?", e);
        }
    }
}
