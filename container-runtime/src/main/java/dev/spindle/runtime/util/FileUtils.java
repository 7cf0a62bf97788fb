package dev.spindle.runtime.util;

import java.io.File;

/** Local file helpers. */
public final class FileUtils {

    private FileUtils() {
    }

    /** Deletes a file or a directory tree; best effort (what cannot be deleted stays). */
    public static void deleteRecursively(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteRecursively(c);
            }
        }
        f.delete();
    }
}
