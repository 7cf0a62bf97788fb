package dev.spindle.runtime.serialization;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;

/** Reads serialized data from a byte array range; reusable via {@link #setBuffer}. */
public final class DataInputDeserializer implements DataInputView {

    private byte[] buffer;
    private int position;
    private int end;
    private char[] charBuffer = new char[64];

    public DataInputDeserializer() {
        this(new byte[0], 0, 0);
    }

    public DataInputDeserializer(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    public DataInputDeserializer(byte[] buffer, int offset, int length) {
        setBuffer(buffer, offset, length);
    }

    public void setBuffer(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
    }

    public int available() {
        return end - position;
    }

    public int position() {
        return position;
    }

    private void require(int n) throws EOFException {
        if (end - position < n) {
            throw new EOFException("Needed " + n + " bytes, " + (end - position) + " left");
        }
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        require(len);
        System.arraycopy(buffer, position, b, off, len);
        position += len;
    }

    @Override
    public int skipBytes(int n) {
        int skip = Math.min(n, end - position);
        position += skip;
        return skip;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        require(1);
        return buffer[position++];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
        require(2);
        int v = ((buffer[position] & 0xFF) << 8) | (buffer[position + 1] & 0xFF);
        position += 2;
        return (short) v;
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        require(4);
        byte[] b = buffer;
        int p = position;
        position = p + 4;
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    @Override
    public long readLong() throws IOException {
        require(8);
        byte[] b = buffer;
        int p = position;
        position = p + 8;
        return ((long) (b[p] & 0xFF) << 56) | ((long) (b[p + 1] & 0xFF) << 48) | ((long) (b[p + 2] & 0xFF) << 40)
                | ((long) (b[p + 3] & 0xFF) << 32) | ((long) (b[p + 4] & 0xFF) << 24) | ((b[p + 5] & 0xFF) << 16)
                | ((b[p + 6] & 0xFF) << 8) | (b[p + 7] & 0xFF);
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    @Override
    public String readLine() {
        throw new UnsupportedOperationException("readLine is not supported");
    }

    @Override
    public String readUTF() throws IOException {
        int utfLength = readUnsignedShort();
        require(utfLength);
        char[] chars = charBuffer(utfLength);
        int count = 0;
        int limit = position + utfLength;
        while (position < limit) {
            count = decodeOne(chars, count);
        }
        if (position != limit) {
            throw new UTFDataFormatException("Malformed input: partial character at end");
        }
        return new String(chars, 0, count);
    }

    @Override
    public String readString() throws IOException {
        int chars = readVarInt();
        char[] out = charBuffer(chars);
        byte[] b = buffer;
        int i = 0;
        // Fast path for ASCII.
        while (i < chars && position < end && b[position] >= 0) {
            out[i++] = (char) b[position++];
        }
        while (i < chars) {
            if (position >= end) {
                throw new EOFException("Truncated string");
            }
            i = decodeOne(out, i);
        }
        return new String(out, 0, chars);
    }

    private char[] charBuffer(int size) {
        if (charBuffer.length < size) {
            charBuffer = new char[Math.max(size, charBuffer.length * 2)];
        }
        return charBuffer;
    }

    private int decodeOne(char[] out, int index) throws IOException {
        int c = buffer[position] & 0xFF;
        switch (c >> 4) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> {
                position++;
                out[index] = (char) c;
            }
            case 12, 13 -> {
                require(2);
                int c2 = buffer[position + 1];
                position += 2;
                out[index] = (char) (((c & 0x1F) << 6) | (c2 & 0x3F));
            }
            case 14 -> {
                require(3);
                int c2 = buffer[position + 1];
                int c3 = buffer[position + 2];
                position += 3;
                out[index] = (char) (((c & 0x0F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F));
            }
            default -> throw new UTFDataFormatException("Malformed input around byte " + position);
        }
        return index + 1;
    }
}
