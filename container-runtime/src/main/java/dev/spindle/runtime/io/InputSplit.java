package dev.spindle.runtime.io;

import java.io.Serializable;

/** A piece of a source's input (a file block, a range of numbers) that one subtask reads. */
public interface InputSplit extends Serializable {

    int splitNumber();
}
