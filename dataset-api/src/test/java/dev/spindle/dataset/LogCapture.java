package dev.spindle.dataset;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * The messages one logger (by its name, usually a class's) logs at {@code DEBUG} and above while it
 * is open, from any thread of this JVM (the tasks of an in-process cluster included). Closing it
 * restores the logger's level.
 */
final class LogCapture implements AutoCloseable {

    private final String loggerName;
    private final Level previousLevel;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;

    LogCapture(String loggerName) {
        this.loggerName = loggerName;
        LoggerContext context = LoggerContext.getContext(false);
        LoggerConfig existing = context.getConfiguration().getLoggerConfig(loggerName);
        this.previousLevel = existing.getName().equals(loggerName) ? existing.getLevel() : null;
        Configurator.setLevel(loggerName, Level.DEBUG);
        appender = new AbstractAppender("capture-" + loggerName, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                messages.add(event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        LoggerConfig config = context.getConfiguration().getLoggerConfig(loggerName);
        config.addAppender(appender, Level.DEBUG, null);
        // Captured, not also printed by the appenders above it.
        config.setAdditive(false);
        context.updateLoggers();
    }

    /** The messages logged so far, oldest first. */
    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        LoggerContext context = LoggerContext.getContext(false);
        LoggerConfig config = context.getConfiguration().getLoggerConfig(loggerName);
        config.removeAppender(appender.getName());
        config.setAdditive(true);
        appender.stop();
        Configurator.setLevel(loggerName, previousLevel);
        context.updateLoggers();
    }
}
