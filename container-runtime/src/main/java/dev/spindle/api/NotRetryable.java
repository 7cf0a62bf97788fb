package dev.spindle.api;

/**
 * Marks an exception that restarting the job would only repeat — malformed input data, a bad
 * setting. When a task fails with such an exception anywhere in its cause chain, the job fails
 * right away instead of using up its restart attempts.
 */
public interface NotRetryable {
}
