package dev.spindle.api.functions;

/**
 * Combines a pair of joined records into one result. In an outer join the side without a match is
 * {@code null}. The result must not be {@code null}.
 */
@FunctionalInterface
public interface JoinFunction<L, R, O> extends Function {
    O join(L first, R second) throws Exception;
}
