package dev.spindle.runtime.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of blobs: a job jar shipped to the JobManager is referred to as {@code blob:<sha-256>} in
 * job submissions and task deployments, so the same jar is stored and fetched once however many
 * jobs use it. Any other jar path is a plain local file path.
 */
public final class BlobKeys {

    public static final String PREFIX = "blob:";

    private BlobKeys() {
    }

    public static boolean isReference(String jarPath) {
        return jarPath.startsWith(PREFIX);
    }

    public static String reference(String key) {
        return PREFIX + key;
    }

    /** The key of a reference; throws if it is not a well-formed one. */
    public static String keyOf(String reference) {
        String key = reference.substring(PREFIX.length());
        if (key.length() != 64 || !key.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("Not a blob reference: " + reference);
        }
        return key;
    }

    public static String keyOf(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }
}
