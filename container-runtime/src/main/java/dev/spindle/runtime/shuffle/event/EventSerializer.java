package dev.spindle.runtime.shuffle.event;

import dev.spindle.runtime.serialization.DataInputDeserializer;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.shuffle.buffer.Buffer;
import java.io.IOException;

/**
 * Writes events into buffers and back. The end-of-partition event has a one-byte tag; any other
 * event is written as its class name followed by its own fields.
 */
public final class EventSerializer {

    private static final byte END_OF_PARTITION = 1;
    private static final byte BY_CLASS_NAME = 2;

    private EventSerializer() {
    }

    public static Buffer toBuffer(RuntimeEvent event) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        if (event instanceof EndOfPartitionEvent) {
            out.writeByte(END_OF_PARTITION);
        } else {
            out.writeByte(BY_CLASS_NAME);
            out.writeString(event.getClass().getName());
            event.write(out);
        }
        return Buffer.wrap(out.toByteArray(), out.length(), Buffer.Kind.EVENT);
    }

    /** Whether an event buffer holds the end-of-partition event, without deserializing it. */
    public static boolean isEndOfPartition(Buffer buffer) {
        return buffer.isEvent() && buffer.size() == 1 && buffer.segment()[0] == END_OF_PARTITION;
    }

    public static RuntimeEvent fromBuffer(Buffer buffer, ClassLoader classLoader) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(buffer.segment(), 0, buffer.size());
        byte tag = in.readByte();
        if (tag == END_OF_PARTITION) {
            return EndOfPartitionEvent.INSTANCE;
        }
        if (tag != BY_CLASS_NAME) {
            throw new IOException("Corrupt event buffer: unknown tag " + tag);
        }
        String className = in.readString();
        try {
            RuntimeEvent event = (RuntimeEvent) Class.forName(className, true, classLoader)
                    .getDeclaredConstructor().newInstance();
            event.read(in);
            return event;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IOException("Cannot create event " + className, e);
        }
    }
}
