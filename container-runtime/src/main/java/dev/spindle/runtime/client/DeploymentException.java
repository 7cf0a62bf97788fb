package dev.spindle.runtime.client;

/**
 * The cluster to run on could not be had: YARN rejected the application, resources did not come
 * within the timeout, HDFS or the ResourceManager is unreachable. {@code bin/run} exits with 3.
 */
public class DeploymentException extends Exception {
    public DeploymentException(String message) {
        super(message);
    }

    public DeploymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
