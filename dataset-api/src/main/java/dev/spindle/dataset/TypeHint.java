package dev.spindle.dataset;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Names a generic type that Java erases, for {@code returns(...)}:
 * {@code .returns(new TypeHint<Tuple2<String, Integer>>() {})}.
 */
public abstract class TypeHint<T> {

    private final Type type;

    protected TypeHint() {
        Type superType = getClass().getGenericSuperclass();
        if (!(superType instanceof ParameterizedType p)) {
            throw new IllegalStateException("Create a TypeHint as an anonymous subclass: new TypeHint<...>() {}");
        }
        this.type = p.getActualTypeArguments()[0];
    }

    public Type getType() {
        return type;
    }
}
