package dev.spindle.runtime.serialization;

import java.io.DataOutput;
import java.io.IOException;

/** A {@link DataOutput} that serializers write to; adds compact encodings used throughout Spindle. */
public interface DataOutputView extends DataOutput {

    /** Writes a non-negative int in 1-5 bytes (7 bits per byte, low bits first). */
    default void writeVarInt(int value) throws IOException {
        while ((value & ~0x7F) != 0) {
            writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        writeByte(value);
    }

    /** Writes a string of any length as a var-int char count followed by modified UTF-8 bytes. */
    void writeString(String value) throws IOException;
}
