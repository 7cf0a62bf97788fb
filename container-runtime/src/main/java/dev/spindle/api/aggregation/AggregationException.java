package dev.spindle.api.aggregation;

import dev.spindle.api.NotRetryable;

/**
 * A record cannot be aggregated as asked (a {@code null} or a string in a field to sum). Restarting
 * would only repeat it, so the job fails at once.
 */
public final class AggregationException extends RuntimeException implements NotRetryable {

    public AggregationException(String message) {
        super(message);
    }
}
