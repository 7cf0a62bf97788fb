package dev.spindle.runtime.config;

/**
 * Implemented by classes that declare {@link ConfigOption} constants as public static fields and
 * are listed in {@code META-INF/services/dev.spindle.runtime.config.OptionsHolder}; that is how
 * Spindle knows every valid key.
 */
public interface OptionsHolder {
}
