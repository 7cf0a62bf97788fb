package dev.spindle.runtime.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import org.junit.jupiter.api.Test;

class DataOutputSerializerTest {

    private static final String NON_ASCII = "héllo wörld ✓ 日本語 😀 \u0000 end";

    @Test
    void shouldEncodeVarIntsInOneToFiveBytes() throws IOException {
        int[] values = {0, 1, 127, 128, 300, 16383, 16384, (1 << 21) - 1, 1 << 21, (1 << 28) - 1, 1 << 28,
            Integer.MAX_VALUE, -1, Integer.MIN_VALUE};
        int[] lengths = {1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5, 5, 5};
        for (int i = 0; i < values.length; i++) {
            DataOutputSerializer out = new DataOutputSerializer(16);
            out.writeVarInt(values[i]);
            assertEquals(lengths[i], out.length(), "length of var-int " + values[i]);
            DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
            assertEquals(values[i], in.readVarInt());
            assertEquals(0, in.available());
        }
    }

    @Test
    void shouldRejectVarIntLongerThanFiveBytes() {
        byte[] bytes = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        assertThrows(IOException.class, () -> new DataInputDeserializer(bytes).readVarInt());
    }

    @Test
    void shouldWriteUtfExactlyLikeDataOutputStream() throws IOException {
        for (String s : new String[] {"", "plain ascii", NON_ASCII, "\u0000", "\u07FF\u0800\uFFFF"}) {
            ByteArrayOutputStream reference = new ByteArrayOutputStream();
            new DataOutputStream(reference).writeUTF(s);
            DataOutputSerializer out = new DataOutputSerializer(4);
            out.writeUTF(s);
            assertArrayEquals(reference.toByteArray(), out.toByteArray(), "writeUTF of " + s);
            assertEquals(s, new DataInputDeserializer(out.toByteArray()).readUTF());
            assertEquals(s, new DataInputStream(new ByteArrayInputStream(out.toByteArray())).readUTF());
        }
    }

    @Test
    void shouldRejectUtfLongerThan65535Bytes() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeUTF("x".repeat(65535));
        assertEquals(65537, out.length());
        assertThrows(UTFDataFormatException.class, () -> out.writeUTF("x".repeat(65536)));
        assertThrows(UTFDataFormatException.class, () -> out.writeUTF("é".repeat(32768)));
    }

    @Test
    void shouldRoundTripStringsWithNonAsciiAndZeroChars() throws IOException {
        String[] strings = {"", "a", "\u0000", "a\u0000b", NON_ASCII, "ascii prefix then ü", "ü then ascii",
            "x".repeat(200) + "日本" + "y".repeat(200), "\uD83D\uDE00", "\uFFFF\u0080\u007F"};
        DataOutputSerializer out = new DataOutputSerializer(1);
        for (String s : strings) {
            out.writeString(s);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
        for (String s : strings) {
            assertEquals(s, in.readString());
        }
        assertEquals(0, in.available());
    }

    @Test
    void shouldRoundTripStringsLongerThanUtfLimit() throws IOException {
        String ascii = "abcdefghij".repeat(8000);
        String wide = "日本語😀\u0000".repeat(20000);
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeString(ascii);
        out.writeString(wide);
        out.writeString(ascii);
        DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
        assertEquals(ascii, in.readString());
        assertEquals(wide, in.readString());
        assertEquals(ascii, in.readString());
        assertEquals(0, in.available());
    }

    @Test
    void shouldEncodeZeroCharAsTwoBytes() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeString("\u0000");
        assertArrayEquals(new byte[] {1, (byte) 0xC0, (byte) 0x80}, out.toByteArray());
    }

    @Test
    void shouldGrowBufferFromTinyInitialSize() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1);
        for (int i = 0; i < 100_000; i++) {
            out.writeInt(i);
        }
        byte[] block = new byte[1 << 20];
        block[block.length - 1] = 42;
        out.write(block);
        out.writeLong(Long.MIN_VALUE);
        assertEquals(400_000 + block.length + 8, out.length());

        DataInputDeserializer in = new DataInputDeserializer(out.getBuffer(), 0, out.length());
        for (int i = 0; i < 100_000; i++) {
            assertEquals(i, in.readInt());
        }
        byte[] readBlock = new byte[block.length];
        in.readFully(readBlock);
        assertArrayEquals(block, readBlock);
        assertEquals(Long.MIN_VALUE, in.readLong());
        assertEquals(0, in.available());
    }

    @Test
    void shouldRoundTripFixedWidthPrimitives() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeBoolean(true);
        out.writeByte(-7);
        out.writeShort(-12345);
        out.writeChar('\uFFFE');
        out.writeInt(Integer.MIN_VALUE);
        out.writeLong(0x0102030405060708L);
        out.writeFloat(Float.NaN);
        out.writeDouble(-0.0);
        DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
        assertEquals(true, in.readBoolean());
        assertEquals(-7, in.readByte());
        assertEquals(-12345, in.readShort());
        assertEquals('\uFFFE', in.readChar());
        assertEquals(Integer.MIN_VALUE, in.readInt());
        assertEquals(0x0102030405060708L, in.readLong());
        assertEquals(Float.NaN, in.readFloat());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(in.readDouble()));
    }

    @Test
    void shouldBackPatchIntAndRestartAfterClear() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeInt(0);
        out.writeString("payload");
        out.putIntAt(0, out.length() - 4);
        DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
        assertEquals(8, in.readInt());
        assertEquals("payload", in.readString());

        out.clear();
        assertEquals(0, out.length());
        out.writeString("again");
        assertEquals("again", new DataInputDeserializer(out.toByteArray()).readString());
    }

    @Test
    void shouldFailWithEofOnTruncatedInput() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeString("日本語");
        byte[] truncated = java.util.Arrays.copyOf(out.toByteArray(), out.length() - 1);
        assertThrows(EOFException.class, () -> new DataInputDeserializer(truncated).readString());
        assertThrows(EOFException.class, () -> new DataInputDeserializer(new byte[3]).readInt());
    }
}
