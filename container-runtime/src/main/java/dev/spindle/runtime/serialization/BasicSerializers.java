package dev.spindle.runtime.serialization;

import java.io.IOException;
import java.util.Map;

/**
 * Stateless serializers for the primitive types, their boxes, and {@link String}. Numbers are written
 * fixed-width, big-endian; strings via {@link DataOutputView#writeString}. None of them accepts
 * {@code null}: containers (tuples, records, POJOs, arrays) write a null marker before calling them.
 * Every serializer here is a stateless singleton, so any thread may use it.
 */
public final class BasicSerializers {

    private static final Map<Class<?>, TypeSerializer<?>> BY_CLASS = Map.ofEntries(
            Map.entry(int.class, IntSerializer.INSTANCE),
            Map.entry(Integer.class, IntSerializer.INSTANCE),
            Map.entry(long.class, LongSerializer.INSTANCE),
            Map.entry(Long.class, LongSerializer.INSTANCE),
            Map.entry(double.class, DoubleSerializer.INSTANCE),
            Map.entry(Double.class, DoubleSerializer.INSTANCE),
            Map.entry(float.class, FloatSerializer.INSTANCE),
            Map.entry(Float.class, FloatSerializer.INSTANCE),
            Map.entry(short.class, ShortSerializer.INSTANCE),
            Map.entry(Short.class, ShortSerializer.INSTANCE),
            Map.entry(byte.class, ByteSerializer.INSTANCE),
            Map.entry(Byte.class, ByteSerializer.INSTANCE),
            Map.entry(char.class, CharSerializer.INSTANCE),
            Map.entry(Character.class, CharSerializer.INSTANCE),
            Map.entry(boolean.class, BooleanSerializer.INSTANCE),
            Map.entry(Boolean.class, BooleanSerializer.INSTANCE),
            Map.entry(String.class, StringSerializer.INSTANCE));

    private BasicSerializers() {
    }

    /** The serializer for a primitive, boxed or string class, or {@code null} if {@code type} is none of these. */
    static TypeSerializer<?> forClass(Class<?> type) {
        return BY_CLASS.get(type);
    }

    /** Serializes {@code int} and {@link Integer} as 4 bytes. */
    public static final class IntSerializer implements TypeSerializer<Integer> {
        public static final IntSerializer INSTANCE = new IntSerializer();

        private IntSerializer() {
        }

        @Override
        public void serialize(Integer record, DataOutputView out) throws IOException {
            out.writeInt(record);
        }

        @Override
        public Integer deserialize(DataInputView in) throws IOException {
            return in.readInt();
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes {@code long} and {@link Long} as 8 bytes. */
    public static final class LongSerializer implements TypeSerializer<Long> {
        public static final LongSerializer INSTANCE = new LongSerializer();

        private LongSerializer() {
        }

        @Override
        public void serialize(Long record, DataOutputView out) throws IOException {
            out.writeLong(record);
        }

        @Override
        public Long deserialize(DataInputView in) throws IOException {
            return in.readLong();
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes {@code double} and {@link Double} as their 8-byte IEEE bits. */
    public static final class DoubleSerializer implements TypeSerializer<Double> {
        public static final DoubleSerializer INSTANCE = new DoubleSerializer();

        private DoubleSerializer() {
        }

        @Override
        public void serialize(Double record, DataOutputView out) throws IOException {
            out.writeDouble(record);
        }

        @Override
        public Double deserialize(DataInputView in) throws IOException {
            return in.readDouble();
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes {@code float} and {@link Float} as their 4-byte IEEE bits. */
    public static final class FloatSerializer implements TypeSerializer<Float> {
        public static final FloatSerializer INSTANCE = new FloatSerializer();

        private FloatSerializer() {
        }

        @Override
        public void serialize(Float record, DataOutputView out) throws IOException {
            out.writeFloat(record);
        }

        @Override
        public Float deserialize(DataInputView in) throws IOException {
            return in.readFloat();
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes {@code short} and {@link Short} as 2 bytes. */
    public static final class ShortSerializer implements TypeSerializer<Short> {
        public static final ShortSerializer INSTANCE = new ShortSerializer();

        private ShortSerializer() {
        }

        @Override
        public void serialize(Short record, DataOutputView out) throws IOException {
            out.writeShort(record);
        }

        @Override
        public Short deserialize(DataInputView in) throws IOException {
            return in.readShort();
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes {@code byte} and {@link Byte} as 1 byte. */
    public static final class ByteSerializer implements TypeSerializer<Byte> {
        public static final ByteSerializer INSTANCE = new ByteSerializer();

        private ByteSerializer() {
        }

        @Override
        public void serialize(Byte record, DataOutputView out) throws IOException {
            out.writeByte(record);
        }

        @Override
        public Byte deserialize(DataInputView in) throws IOException {
            return in.readByte();
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes {@code char} and {@link Character} as 2 bytes. */
    public static final class CharSerializer implements TypeSerializer<Character> {
        public static final CharSerializer INSTANCE = new CharSerializer();

        private CharSerializer() {
        }

        @Override
        public void serialize(Character record, DataOutputView out) throws IOException {
            out.writeChar(record);
        }

        @Override
        public Character deserialize(DataInputView in) throws IOException {
            return in.readChar();
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes {@code boolean} and {@link Boolean} as 1 byte. */
    public static final class BooleanSerializer implements TypeSerializer<Boolean> {
        public static final BooleanSerializer INSTANCE = new BooleanSerializer();

        private BooleanSerializer() {
        }

        @Override
        public void serialize(Boolean record, DataOutputView out) throws IOException {
            out.writeBoolean(record);
        }

        @Override
        public Boolean deserialize(DataInputView in) throws IOException {
            return in.readBoolean();
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes strings of any length with {@link DataOutputView#writeString}. */
    public static final class StringSerializer implements TypeSerializer<String> {
        public static final StringSerializer INSTANCE = new StringSerializer();

        private StringSerializer() {
        }

        @Override
        public void serialize(String record, DataOutputView out) throws IOException {
            out.writeString(record);
        }

        @Override
        public String deserialize(DataInputView in) throws IOException {
            return in.readString();
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }
}
