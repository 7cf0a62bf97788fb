package dev.spindle.runtime.serialization;

import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.Arrays;

/** A growable, reusable byte array that serializers write into (big-endian, like {@link java.io.DataOutputStream}). */
public final class DataOutputSerializer implements DataOutputView {

    private byte[] buffer;
    private int position;

    public DataOutputSerializer(int initialSize) {
        this.buffer = new byte[Math.max(16, initialSize)];
    }

    public byte[] getBuffer() {
        return buffer;
    }

    public int length() {
        return position;
    }

    public void clear() {
        position = 0;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    /** Overwrites 4 bytes at {@code pos} (used to back-patch length prefixes). */
    public void putIntAt(int pos, int v) {
        buffer[pos] = (byte) (v >>> 24);
        buffer[pos + 1] = (byte) (v >>> 16);
        buffer[pos + 2] = (byte) (v >>> 8);
        buffer[pos + 3] = (byte) v;
    }

    private void ensure(int extra) {
        int needed = position + extra;
        if (needed > buffer.length) {
            int newSize = Math.max(needed, buffer.length * 2);
            if (newSize < 0) {
                throw new OutOfMemoryError("Record too large to serialize");
            }
            buffer = Arrays.copyOf(buffer, newSize);
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buffer, position, len);
        position += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensure(2);
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        putIntAt(position, v);
        position += 4;
    }

    @Override
    public void writeLong(long v) {
        ensure(8);
        byte[] b = buffer;
        int p = position;
        b[p] = (byte) (v >>> 56);
        b[p + 1] = (byte) (v >>> 48);
        b[p + 2] = (byte) (v >>> 40);
        b[p + 3] = (byte) (v >>> 32);
        b[p + 4] = (byte) (v >>> 24);
        b[p + 5] = (byte) (v >>> 16);
        b[p + 6] = (byte) (v >>> 8);
        b[p + 7] = (byte) v;
        position = p + 8;
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        int len = s.length();
        ensure(len);
        for (int i = 0; i < len; i++) {
            buffer[position++] = (byte) s.charAt(i);
        }
    }

    @Override
    public void writeChars(String s) {
        int len = s.length();
        for (int i = 0; i < len; i++) {
            writeChar(s.charAt(i));
        }
    }

    @Override
    public void writeUTF(String s) throws IOException {
        int utfLength = modifiedUtf8Length(s);
        if (utfLength > 65535) {
            throw new UTFDataFormatException("String longer than 65535 bytes; use writeString");
        }
        writeShort(utfLength);
        writeModifiedUtf8(s, utfLength);
    }

    @Override
    public void writeString(String s) {
        int chars = s.length();
        writeVarIntFast(chars);
        // Fast path: pure ASCII strings (the common case) are one byte per char.
        ensure(chars);
        byte[] b = buffer;
        int p = position;
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0) {
                position = p;
                writeModifiedUtf8Tail(s, i);
                return;
            }
            b[p++] = (byte) c;
        }
        position = p;
    }

    private void writeVarIntFast(int value) {
        ensure(5);
        while ((value & ~0x7F) != 0) {
            buffer[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    private void writeModifiedUtf8Tail(String s, int from) {
        ensure(3 * (s.length() - from));
        byte[] b = buffer;
        int p = position;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0001 && c < 0x0080) {
                b[p++] = (byte) c;
            } else if (c < 0x0800) {
                b[p++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else {
                b[p++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        position = p;
    }

    private void writeModifiedUtf8(String s, int utfLength) {
        ensure(utfLength);
        writeModifiedUtf8Tail(s, 0);
    }

    private static int modifiedUtf8Length(String s) {
        int len = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            len += (c >= 0x0001 && c < 0x0080) ? 1 : (c < 0x0800 ? 2 : 3);
        }
        return len;
    }
}
