package dev.spindle.runtime.rest;

import dev.spindle.runtime.rest.ClusterView.JobDetails;
import dev.spindle.runtime.rest.ClusterView.JobSummary;
import dev.spindle.runtime.rest.ClusterView.Overview;
import dev.spindle.runtime.rest.ClusterView.TaskManagerInfo;
import dev.spindle.runtime.rest.ClusterView.VertexDetails;
import java.util.List;

/** The JSON documents the REST API answers with; one method per response shape. Stateless. */
final class JsonViews {

    private JsonViews() {
    }

    static String empty() {
        return "{}";
    }

    static String errors(String message) {
        return new JsonWriter().beginObject().name("errors").beginArray().value(message).endArray().endObject()
                .toString();
    }

    static String overview(Overview o) {
        return new JsonWriter().beginObject()
                .field("taskmanagers", o.taskManagers())
                .field("slots-total", o.totalSlots())
                .field("slots-available", o.freeSlots())
                .field("jobs-running", o.jobsRunning())
                .field("jobs-finished", o.jobsFinished())
                .field("jobs-failed", o.jobsFailed())
                .field("jobs-cancelled", o.jobsCancelled())
                .field("spindle-version", o.version())
                .endObject().toString();
    }

    static String jobs(List<JobSummary> jobs, long now) {
        JsonWriter w = new JsonWriter().beginObject().name("jobs").beginArray();
        for (JobSummary job : jobs) {
            w.beginObject().field("id", job.id()).field("name", job.name()).field("status", job.status().name());
            times(w, job.startTime(), job.endTime(), now).endObject();
        }
        return w.endArray().endObject().toString();
    }

    static String job(JobDetails job, long now) {
        JsonWriter w = new JsonWriter().beginObject()
                .field("id", job.id()).field("name", job.name()).field("status", job.status().name());
        times(w, job.startTime(), job.endTime(), now).name("vertices").beginArray();
        for (VertexDetails v : job.vertices()) {
            w.beginObject()
                    .field("id", v.id())
                    .field("name", v.name())
                    .field("parallelism", v.parallelism())
                    .field("status", v.status().name())
                    .field("records-in", v.recordsIn())
                    .field("records-out", v.recordsOut())
                    .field("bytes-in", v.bytesIn())
                    .field("bytes-out", v.bytesOut())
                    .endObject();
        }
        return w.endArray().field("failure", job.failure()).endObject().toString();
    }

    static String taskManagers(List<TaskManagerInfo> taskManagers) {
        JsonWriter w = new JsonWriter().beginObject().name("taskmanagers").beginArray();
        for (TaskManagerInfo tm : taskManagers) {
            w.beginObject()
                    .field("id", tm.id())
                    .field("address", tm.address())
                    .field("slots", tm.slots())
                    .field("free-slots", tm.freeSlots())
                    .field("last-heartbeat", tm.lastHeartbeat())
                    .endObject();
        }
        return w.endArray().endObject().toString();
    }

    static String uploaded(JarStore.StoredJar jar) {
        return new JsonWriter().beginObject()
                .field("id", jar.id()).field("filename", jar.name()).field("status", "success")
                .endObject().toString();
    }

    static String jars(List<JarStore.StoredJar> jars) {
        JsonWriter w = new JsonWriter().beginObject().name("files").beginArray();
        for (JarStore.StoredJar jar : jars) {
            w.beginObject()
                    .field("id", jar.id())
                    .field("name", jar.name())
                    .field("size", jar.size())
                    .field("uploaded", jar.uploadTime())
                    .endObject();
        }
        return w.endArray().endObject().toString();
    }

    static String jobId(String jobId) {
        return new JsonWriter().beginObject().field("jobid", jobId).endObject().toString();
    }

    /** {@code start-time}, {@code end-time} (-1 while running) and {@code duration} in milliseconds. */
    private static JsonWriter times(JsonWriter w, long start, long end, long now) {
        long duration = Math.max(0, (end < 0 ? now : end) - start);
        return w.field("start-time", start).field("end-time", end).field("duration", duration);
    }
}
