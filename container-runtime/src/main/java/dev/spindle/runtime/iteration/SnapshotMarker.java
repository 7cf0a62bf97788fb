package dev.spindle.runtime.iteration;

import dev.spindle.runtime.util.InstantiationUtil;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/**
 * The {@code LATEST} marker of an iteration's snapshots: the newest superstep whose snapshot every
 * subtask completed, and the aggregates merged at its end (which the next superstep sees as the
 * previous superstep's). Written by the JobManager's coordinator once all parts are written,
 * under a temporary name and renamed, so that heads never see a half-written marker.
 */
public record SnapshotMarker(int superstep, Map<String, Serializable> aggregates) {

    public static void write(SnapshotStore store, String jobId, int iterationId, int superstep, byte[] aggregates)
            throws IOException {
        String latest = SnapshotFiles.latest(jobId, iterationId);
        String temporary = latest + ".writing";
        try (DataOutputStream out = new DataOutputStream(store.create(temporary))) {
            out.writeInt(superstep);
            out.writeInt(aggregates.length);
            out.write(aggregates);
        }
        store.rename(temporary, latest);
    }

    public static SnapshotMarker read(SnapshotStore store, String path, ClassLoader classLoader) throws IOException {
        try (DataInputStream in = new DataInputStream(store.open(path))) {
            int superstep = in.readInt();
            byte[] aggregates = new byte[in.readInt()];
            in.readFully(aggregates);
            return new SnapshotMarker(superstep, InstantiationUtil.deserialize(aggregates, classLoader));
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("its aggregates cannot be read: " + e, e);
        }
    }
}
