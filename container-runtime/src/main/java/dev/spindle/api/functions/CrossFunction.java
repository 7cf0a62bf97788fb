package dev.spindle.api.functions;

/** Makes one record of each pair of the cross product of two inputs. */
@FunctionalInterface
public interface CrossFunction<L, R, O> extends Function {
    O cross(L first, R second) throws Exception;
}
