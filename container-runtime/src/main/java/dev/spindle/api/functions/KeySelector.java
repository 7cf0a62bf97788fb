package dev.spindle.api.functions;

/**
 * Extracts the key of a record. Keys are compared with {@code equals} and partitioned with a hash
 * that must be the same in every JVM: strings, boxed primitives, enums, tuples and records of such
 * values qualify; classes that inherit {@code Object.hashCode} do not.
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
    KEY getKey(IN value) throws Exception;
}
