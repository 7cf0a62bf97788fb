package dev.spindle.yarn.client;

import dev.spindle.yarn.ContainerResources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Puts what containers need on the cluster's file system. Runtime jars go once into a shared
 * directory under a name derived from their content hash, readable by all and registered PUBLIC, so
 * NodeManagers cache them across applications and a second submission uploads nothing for them.
 * The job jar and configuration go into the application's own staging directory (permissions 700).
 */
final class StagingUploader {

    private static final Logger LOG = LogManager.getLogger(StagingUploader.class);
    private static final FsPermission PRIVATE_DIR = new FsPermission((short) 0700);
    private static final FsPermission PUBLIC_DIR = new FsPermission((short) 0755);
    private static final FsPermission PUBLIC_FILE = new FsPermission((short) 0644);

    private final FileSystem fs;
    private final org.apache.hadoop.fs.Path sharedLibDir;
    private static final int UPLOAD_THREADS = 4;
    private final java.util.concurrent.atomic.AtomicInteger uploadedShared = new java.util.concurrent.atomic.AtomicInteger();

    StagingUploader(FileSystem fs, String sharedLibDir) {
        this.fs = fs;
        this.sharedLibDir = fs.makeQualified(new org.apache.hadoop.fs.Path(sharedLibDir));
    }

    /** Uploads the jars that are not in the shared directory yet, several at a time, and lists all of them. */
    void uploadRuntimeJars(List<Path> jars, ContainerResources resources) throws IOException {
        mkdirs(sharedLibDir, PUBLIC_DIR);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(UPLOAD_THREADS);
        try {
            List<java.util.concurrent.Future<FileStatus>> statuses = new java.util.ArrayList<>();
            for (Path jar : jars) {
                statuses.add(pool.submit(() -> ensureShared(jar)));
            }
            for (int i = 0; i < jars.size(); i++) {
                FileStatus status = statuses.get(i).get();
                String link = String.format("%s%03d-%s", ContainerResources.LIB_PREFIX, i, jars.get(i).getFileName());
                resources.add(new ContainerResources.Entry(link, status.getPath().toString(), status.getLen(),
                        status.getModificationTime(), true));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while uploading the runtime jars", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        LOG.info("Runtime jars: {} shipped, {} uploaded now", jars.size(), uploadedShared.get());
    }

    /** The jar's file in the shared directory, uploading it first if it is not there. */
    private FileStatus ensureShared(Path jar) throws IOException {
        String name = sha256(jar).substring(0, 16) + "-" + jar.getFileName();
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(sharedLibDir, name);
        FileStatus status = existing(target, Files.size(jar));
        if (status != null) {
            return status;
        }
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(sharedLibDir,
                "." + name + "." + java.util.UUID.randomUUID() + ".uploading");
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(jar.toUri()), tmp);
        fs.setPermission(tmp, PUBLIC_FILE);
        if (!fs.rename(tmp, target)) {
            fs.delete(tmp, false); // Another client uploaded the same content meanwhile.
        }
        uploadedShared.incrementAndGet();
        return fs.getFileStatus(target);
    }

    private FileStatus existing(org.apache.hadoop.fs.Path target, long expectedSize) throws IOException {
        try {
            FileStatus s = fs.getFileStatus(target);
            return s.getLen() == expectedSize ? s : null;
        } catch (java.io.FileNotFoundException e) {
            return null;
        }
    }

    /** Creates the application's private staging directory. */
    org.apache.hadoop.fs.Path createStagingDir(org.apache.hadoop.fs.Path base, String applicationId) throws IOException {
        org.apache.hadoop.fs.Path dir = fs.makeQualified(new org.apache.hadoop.fs.Path(base, applicationId));
        mkdirs(dir, PRIVATE_DIR);
        return dir;
    }

    void uploadPrivate(Path local, org.apache.hadoop.fs.Path stagingDir, String linkName, ContainerResources resources)
            throws IOException {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(stagingDir, linkName);
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), target);
        FileStatus s = fs.getFileStatus(target);
        resources.add(new ContainerResources.Entry(linkName, s.getPath().toString(), s.getLen(), s.getModificationTime(),
                false));
    }

    /** Creates a directory with the given permission (which mkdirs alone would narrow by the umask). */
    private void mkdirs(org.apache.hadoop.fs.Path dir, FsPermission permission) throws IOException {
        if (!fs.exists(dir)) {
            fs.mkdirs(dir, permission);
            fs.setPermission(dir, permission);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
