package dev.spindle.yarn;

import dev.spindle.runtime.config.MemorySize;
import dev.spindle.runtime.taskmanager.TaskManagerMemory;
import java.util.List;
import org.apache.hadoop.yarn.api.ApplicationConstants;

/** The shell commands that start Spindle processes in YARN containers. */
public final class ContainerCommands {

    private static final String JVM_FLAGS = "--add-opens=java.base/java.lang=ALL-UNNAMED "
            + "--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED";

    private ContainerCommands() {
    }

    /** A java command for {@code mainClass} sized to the container, logging to {@code logName}.log. */
    public static String java(MemorySize containerMemory, String mainClass, String logName, List<String> args) {
        TaskManagerMemory memory = TaskManagerMemory.derive(containerMemory);
        String logDir = ApplicationConstants.LOG_DIR_EXPANSION_VAR;
        StringBuilder cmd = new StringBuilder();
        cmd.append(ApplicationConstants.Environment.JAVA_HOME.$$()).append("/bin/java ")
                .append(memory.jvmOptions()).append(' ').append(JVM_FLAGS)
                .append(" -Dlog4j2.configurationFile=").append(ContainerResources.LOG_CONFIG)
                .append(" -Dspindle.hadoop.conf=").append(ContainerResources.HADOOP_CONFIG)
                .append(" -Dspindle.log.file=").append(logDir).append('/').append(logName).append(".log")
                .append(' ').append(mainClass);
        for (String a : args) {
            cmd.append(' ').append(a);
        }
        cmd.append(" 1>").append(logDir).append('/').append(logName).append(".out")
                .append(" 2>").append(logDir).append('/').append(logName).append(".err");
        return cmd.toString();
    }
}
