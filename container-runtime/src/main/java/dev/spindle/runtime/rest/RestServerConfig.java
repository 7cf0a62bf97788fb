package dev.spindle.runtime.rest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link RestServer}.
 *
 * @param host           address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port           port to bind, 0 for any free port
 * @param uploadDir      where uploaded jars are stored; created if missing
 * @param maxUploadBytes the largest request body accepted (larger ones get 413), at most 2 GiB - 1
 * @param requestTimeout how long a request waits for the cluster before it gets 503
 */
public record RestServerConfig(String host, int port, Path uploadDir, long maxUploadBytes, Duration requestTimeout) {

    public static final long DEFAULT_MAX_UPLOAD_BYTES = 256L << 20;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(1);

    public RestServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(uploadDir, "uploadDir");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("REST port must be 0..65535, not " + port);
        }
        if (maxUploadBytes <= 0 || maxUploadBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Max upload size must be 1.." + Integer.MAX_VALUE + " bytes, not "
                    + maxUploadBytes);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("Request timeout must be positive, not " + requestTimeout);
        }
    }

    /** Defaults for the upload limit and request timeout. */
    public static RestServerConfig of(String host, int port, Path uploadDir) {
        return new RestServerConfig(host, port, uploadDir, DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_REQUEST_TIMEOUT);
    }

    public RestServerConfig withMaxUploadBytes(long bytes) {
        return new RestServerConfig(host, port, uploadDir, bytes, requestTimeout);
    }

    public RestServerConfig withRequestTimeout(Duration timeout) {
        return new RestServerConfig(host, port, uploadDir, maxUploadBytes, timeout);
    }
}
