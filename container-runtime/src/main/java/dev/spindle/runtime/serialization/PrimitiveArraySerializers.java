package dev.spindle.runtime.serialization;

import java.io.IOException;
import java.util.Map;

/**
 * Stateless serializers for arrays of primitives ({@code byte[]}, {@code int[]}, ...). Each writes the
 * length as a var-int followed by the elements, fixed-width and big-endian; {@code byte[]} is copied in
 * one block. The array itself must not be {@code null} (containers write null markers). Any thread may
 * use them.
 */
public final class PrimitiveArraySerializers {

    private static final Map<Class<?>, TypeSerializer<?>> BY_CLASS = Map.of(
            byte[].class, ByteArraySerializer.INSTANCE,
            int[].class, IntArraySerializer.INSTANCE,
            long[].class, LongArraySerializer.INSTANCE,
            double[].class, DoubleArraySerializer.INSTANCE,
            float[].class, FloatArraySerializer.INSTANCE,
            short[].class, ShortArraySerializer.INSTANCE,
            char[].class, CharArraySerializer.INSTANCE,
            boolean[].class, BooleanArraySerializer.INSTANCE);

    private PrimitiveArraySerializers() {
    }

    /** The serializer for a primitive array class, or {@code null} if {@code type} is not one. */
    static TypeSerializer<?> forClass(Class<?> type) {
        return BY_CLASS.get(type);
    }

    private static int readLength(DataInputView in) throws IOException {
        int length = in.readVarInt();
        if (length < 0) {
            throw new IOException("Corrupt array length " + length);
        }
        return length;
    }

    /** Serializes {@code byte[]}. */
    public static final class ByteArraySerializer implements TypeSerializer<byte[]> {
        public static final ByteArraySerializer INSTANCE = new ByteArraySerializer();

        private ByteArraySerializer() {
        }

        @Override
        public void serialize(byte[] record, DataOutputView out) throws IOException {
            out.writeVarInt(record.length);
            out.write(record);
        }

        @Override
        public byte[] deserialize(DataInputView in) throws IOException {
            byte[] result = new byte[readLength(in)];
            in.readFully(result);
            return result;
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes {@code int[]}. */
    public static final class IntArraySerializer implements TypeSerializer<int[]> {
        public static final IntArraySerializer INSTANCE = new IntArraySerializer();

        private IntArraySerializer() {
        }

        @Override
        public void serialize(int[] record, DataOutputView out) throws IOException {
            out.writeVarInt(record.length);
            for (int v : record) {
                out.writeInt(v);
            }
        }

        @Override
        public int[] deserialize(DataInputView in) throws IOException {
            int[] result = new int[readLength(in)];
            for (int i = 0; i < result.length; i++) {
                result[i] = in.readInt();
            }
            return result;
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes {@code long[]}. */
    public static final class LongArraySerializer implements TypeSerializer<long[]> {
        public static final LongArraySerializer INSTANCE = new LongArraySerializer();

        private LongArraySerializer() {
        }

        @Override
        public void serialize(long[] record, DataOutputView out) throws IOException {
            out.writeVarInt(record.length);
            for (long v : record) {
                out.writeLong(v);
            }
        }

        @Override
        public long[] deserialize(DataInputView in) throws IOException {
            long[] result = new long[readLength(in)];
            for (int i = 0; i < result.length; i++) {
                result[i] = in.readLong();
            }
            return result;
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes {@code double[]}. */
    public static final class DoubleArraySerializer implements TypeSerializer<double[]> {
        public static final DoubleArraySerializer INSTANCE = new DoubleArraySerializer();

        private DoubleArraySerializer() {
        }

        @Override
        public void serialize(double[] record, DataOutputView out) throws IOException {
            out.writeVarInt(record.length);
            for (double v : record) {
                out.writeDouble(v);
            }
        }

        @Override
        public double[] deserialize(DataInputView in) throws IOException {
            double[] result = new double[readLength(in)];
            for (int i = 0; i < result.length; i++) {
                result[i] = in.readDouble();
            }
            return result;
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes {@code float[]}. */
    public static final class FloatArraySerializer implements TypeSerializer<float[]> {
        public static final FloatArraySerializer INSTANCE = new FloatArraySerializer();

        private FloatArraySerializer() {
        }

        @Override
        public void serialize(float[] record, DataOutputView out) throws IOException {
            out.writeVarInt(record.length);
            for (float v : record) {
                out.writeFloat(v);
            }
        }

        @Override
        public float[] deserialize(DataInputView in) throws IOException {
            float[] result = new float[readLength(in)];
            for (int i = 0; i < result.length; i++) {
                result[i] = in.readFloat();
            }
            return result;
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes {@code short[]}. */
    public static final class ShortArraySerializer implements TypeSerializer<short[]> {
        public static final ShortArraySerializer INSTANCE = new ShortArraySerializer();

        private ShortArraySerializer() {
        }

        @Override
        public void serialize(short[] record, DataOutputView out) throws IOException {
            out.writeVarInt(record.length);
            for (short v : record) {
                out.writeShort(v);
            }
        }

        @Override
        public short[] deserialize(DataInputView in) throws IOException {
            short[] result = new short[readLength(in)];
            for (int i = 0; i < result.length; i++) {
                result[i] = in.readShort();
            }
            return result;
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes {@code char[]}. */
    public static final class CharArraySerializer implements TypeSerializer<char[]> {
        public static final CharArraySerializer INSTANCE = new CharArraySerializer();

        private CharArraySerializer() {
        }

        @Override
        public void serialize(char[] record, DataOutputView out) throws IOException {
            out.writeVarInt(record.length);
            for (char v : record) {
                out.writeChar(v);
            }
        }

        @Override
        public char[] deserialize(DataInputView in) throws IOException {
            char[] result = new char[readLength(in)];
            for (int i = 0; i < result.length; i++) {
                result[i] = in.readChar();
            }
            return result;
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /** Serializes {@code boolean[]}, one byte per element. */
    public static final class BooleanArraySerializer implements TypeSerializer<boolean[]> {
        public static final BooleanArraySerializer INSTANCE = new BooleanArraySerializer();

        private BooleanArraySerializer() {
        }

        @Override
        public void serialize(boolean[] record, DataOutputView out) throws IOException {
            out.writeVarInt(record.length);
            for (boolean v : record) {
                out.writeBoolean(v);
            }
        }

        @Override
        public boolean[] deserialize(DataInputView in) throws IOException {
            boolean[] result = new boolean[readLength(in)];
            for (int i = 0; i < result.length; i++) {
                result[i] = in.readBoolean();
            }
            return result;
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }
}
