package dev.spindle.runtime.serialization;

import java.io.DataInput;
import java.io.IOException;

/** A {@link DataInput} that serializers read from; the counterpart of {@link DataOutputView}. */
public interface DataInputView extends DataInput {

    default int readVarInt() throws IOException {
        int result = 0;
        int shift = 0;
        while (true) {
            int b = readUnsignedByte();
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
            if (shift > 28) {
                throw new IOException("Malformed var-int");
            }
        }
    }

    /** Reads a string written by {@link DataOutputView#writeString}. */
    String readString() throws IOException;
}
