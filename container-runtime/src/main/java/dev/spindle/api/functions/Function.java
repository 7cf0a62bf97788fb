package dev.spindle.api.functions;

import java.io.Serializable;

/** Marker for user functions. They are serialized into the job graph and run in TaskManagers. */
public interface Function extends Serializable {
}
