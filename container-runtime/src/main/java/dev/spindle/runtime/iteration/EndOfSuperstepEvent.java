package dev.spindle.runtime.iteration;

import dev.spindle.runtime.serialization.DataInputView;
import dev.spindle.runtime.serialization.DataOutputView;
import dev.spindle.runtime.shuffle.event.RuntimeEvent;
import java.io.IOException;

/**
 * Sent by every task of an iteration on each of its outputs inside the iteration after its last
 * record of a superstep: a task whose inputs inside the iteration all delivered it has the whole
 * superstep's input.
 */
public final class EndOfSuperstepEvent extends RuntimeEvent {

    private int superstep;

    public EndOfSuperstepEvent() {
    }

    public EndOfSuperstepEvent(int superstep) {
        this.superstep = superstep;
    }

    public int superstep() {
        return superstep;
    }

    @Override
    public void write(DataOutputView out) throws IOException {
        out.writeInt(superstep);
    }

    @Override
    public void read(DataInputView in) throws IOException {
        superstep = in.readInt();
    }

    @Override
    public String toString() {
        return "EndOfSuperstep(" + superstep + ")";
    }
}
