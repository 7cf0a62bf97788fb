package dev.spindle.runtime.shuffle.netty;

import dev.spindle.runtime.shuffle.partition.PartitionId;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The shuffle wire protocol. Every frame is {@code int length, byte type, payload}:
 * <ul>
 *   <li>{@code REQUEST} (consumer to producer): receiver id, partition id, subpartition, initial credit</li>
 *   <li>{@code CREDIT}: receiver id, number of additional buffers the receiver can take</li>
 *   <li>{@code CANCEL}: receiver id; the consumer is gone</li>
 *   <li>{@code BUFFER} (producer to consumer): receiver id, is-event flag, size, bytes</li>
 *   <li>{@code ERROR}: receiver id, not-found flag, message</li>
 * </ul>
 * The producer sends a buffer only against a credit, so a slow consumer never makes buffers pile
 * up on a shared connection.
 */
final class ShuffleMessages {

    static final byte REQUEST = 1;
    static final byte CREDIT = 2;
    static final byte CANCEL = 3;
    static final byte BUFFER = 4;
    static final byte ERROR = 5;

    /** Bytes before the payload of a BUFFER frame: length, type, receiver, event flag, size. */
    static final int BUFFER_HEADER = 4 + 1 + 8 + 1 + 4;

    private ShuffleMessages() {
    }

    static void writeString(ByteBuf out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
    }

    static String readString(ByteBuf in) {
        int len = in.readInt();
        byte[] bytes = new byte[len];
        in.readBytes(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void writePartitionId(ByteBuf out, PartitionId id) {
        writeString(out, id.producerAttempt());
        out.writeInt(id.outputIndex());
    }

    static PartitionId readPartitionId(ByteBuf in) {
        return new PartitionId(readString(in), in.readInt());
    }

    /** Starts a frame: reserves the length field and writes the type. Finish with {@link #endFrame}. */
    static int beginFrame(ByteBuf out, byte type) {
        int start = out.writerIndex();
        out.writeInt(0);
        out.writeByte(type);
        return start;
    }

    static void endFrame(ByteBuf out, int start) {
        out.setInt(start, out.writerIndex() - start - 4);
    }
}
