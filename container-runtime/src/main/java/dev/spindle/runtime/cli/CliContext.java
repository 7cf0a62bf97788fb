package dev.spindle.runtime.cli;

import dev.spindle.runtime.config.Configuration;
import java.io.File;
import java.io.PrintStream;

/**
 * What a deployment target gets from the CLI: the effective configuration, the job jar and its
 * classloader, where to print, the attached/detached choice, and the program's status record,
 * which the target fills in (application id, job ids, final status) for scripts and schedulers.
 */
public record CliContext(Configuration configuration, File jar, ClassLoader userClassLoader, PrintStream out,
                         PrintStream err, boolean detached, boolean keepOnExit, ProgramStatus status) {
}
