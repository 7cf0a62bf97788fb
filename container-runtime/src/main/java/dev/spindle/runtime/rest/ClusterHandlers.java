package dev.spindle.runtime.rest;

import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The endpoints that only read or steer the cluster: overview, jobs, cancel, TaskManagers and
 * shutdown. Each is a thin translation between HTTP and one {@link ClusterView} call.
 */
final class ClusterHandlers {

    private static final Logger LOG = LogManager.getLogger(ClusterHandlers.class);

    private final ClusterView cluster;

    ClusterHandlers(ClusterView cluster) {
        this.cluster = cluster;
    }

    /** {@code GET /overview} */
    CompletableFuture<RestResponse> overview(RestRequest request) {
        return cluster.overview().thenApply(o -> RestResponse.ok(JsonViews.overview(o)));
    }

    /** {@code GET /jobs} */
    CompletableFuture<RestResponse> jobs(RestRequest request) {
        return cluster.jobs().thenApply(jobs -> RestResponse.ok(JsonViews.jobs(jobs, System.currentTimeMillis())));
    }

    /** {@code GET /jobs/{id}} */
    CompletableFuture<RestResponse> job(RestRequest request) {
        String id = request.pathParam("id");
        return cluster.job(id).thenApply(job -> job
                .map(details -> RestResponse.ok(JsonViews.job(details, System.currentTimeMillis())))
                .orElseThrow(() -> unknownJob(id)));
    }

    /** {@code PATCH /jobs/{id}?mode=cancel}; the mode defaults to cancel, the only one there is. */
    CompletableFuture<RestResponse> patchJob(RestRequest request) {
        String id = request.pathParam("id");
        String mode = request.queryParam("mode");
        if (mode != null && !mode.equals("cancel")) {
            throw RestException.badRequest("Unsupported mode '" + mode + "'; the only mode is 'cancel'");
        }
        return cluster.cancelJob(id).thenApply(existed -> {
            if (!existed) {
                throw unknownJob(id);
            }
            return RestResponse.accepted(JsonViews.empty());
        });
    }

    /** {@code GET /taskmanagers} */
    CompletableFuture<RestResponse> taskManagers(RestRequest request) {
        return cluster.taskManagers().thenApply(tms -> RestResponse.ok(JsonViews.taskManagers(tms)));
    }

    /** {@code DELETE /cluster}: answers 202 first, then asks the cluster to shut down. */
    CompletableFuture<RestResponse> shutDown(RestRequest request) {
        return CompletableFuture.completedFuture(
                RestResponse.accepted(JsonViews.empty()).thenRun(this::requestShutdown));
    }

    private void requestShutdown() {
        LOG.info("Shutting down the cluster as requested over REST");
        try {
            cluster.shutDown().whenComplete((ignored, failure) -> {
                if (failure != null) {
                    LOG.error("Cluster shutdown requested over REST failed", failure);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Cluster shutdown requested over REST failed", e);
        }
    }

    private static RestException unknownJob(String id) {
        return RestException.notFound("Job " + id + " not found");
    }
}
