package dev.spindle.runtime.shuffle.event;

import dev.spindle.runtime.serialization.DataInputView;
import dev.spindle.runtime.serialization.DataOutputView;

/** The last thing a subpartition sends: its producer finished and nothing follows. */
public final class EndOfPartitionEvent extends RuntimeEvent {

    public static final EndOfPartitionEvent INSTANCE = new EndOfPartitionEvent();

    @Override
    public void write(DataOutputView out) {
    }

    @Override
    public void read(DataInputView in) {
    }

    @Override
    public String toString() {
        return "EndOfPartition";
    }
}
