package dev.spindle.runtime.shuffle.event;

import dev.spindle.runtime.serialization.DataInputView;
import dev.spindle.runtime.serialization.DataOutputView;
import java.io.IOException;

/**
 * Something that travels in-band with the records of a channel, in order with them: the end of a
 * partition today; checkpoint barriers, watermarks and end-of-superstep markers later. A subclass
 * needs a public no-arg constructor and writes/reads its own fields.
 */
public abstract class RuntimeEvent {

    public abstract void write(DataOutputView out) throws IOException;

    public abstract void read(DataInputView in) throws IOException;
}
