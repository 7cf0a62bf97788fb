package dev.spindle.runtime.types;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the output type of a user function so that a fast serializer can be chosen. Works for
 * named and anonymous classes (through their generic interfaces) and for lambdas and method
 * references whose implementation method has a concrete return type. Returns null when the type
 * cannot be known (a lambda that returns a generic type, a flatMap lambda): the caller then uses a
 * self-describing serializer, or the user states the type with {@code returns(...)}.
 */
public final class TypeExtractor {

    private TypeExtractor() {
    }

    /**
     * The type argument {@code argIndex} of {@code functionInterface} as implemented by
     * {@code function}, or null if unknown. For lambdas, {@code lambdaReturnIsOutput} says whether
     * the implementation method's return value is that type (true for map, false for flatMap).
     */
    public static Type typeArgument(Object function, Class<?> functionInterface, int argIndex, boolean lambdaReturnIsOutput) {
        Type fromClass = fromGenericInterfaces(function.getClass(), functionInterface, argIndex);
        if (fromClass != null) {
            return fromClass;
        }
        if (lambdaReturnIsOutput) {
            Method impl = lambdaImplementation(function);
            if (impl != null) {
                Type t = impl.getGenericReturnType();
                if (t instanceof Class<?> c && c.isPrimitive()) {
                    return box(c);
                }
                return isConcrete(t) && t != Object.class ? t : null;
            }
        }
        return null;
    }

    /**
     * The type argument as declared where {@code clazz} or a superclass implements {@code target}; a
     * type variable of that superclass is resolved through the type arguments its subclasses gave it
     * ({@code class MyJoin extends RichJoinFunction<A, B, C>}).
     */
    private static Type fromGenericInterfaces(Class<?> clazz, Class<?> target, int argIndex) {
        Map<TypeVariable<?>, Type> bindings = Map.of();
        for (Class<?> c = clazz; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == target) {
                    Type arg = bound(p.getActualTypeArguments()[argIndex], bindings);
                    return isConcrete(arg) ? arg : null;
                }
            }
            bindings = superclassBindings(c, bindings);
        }
        return null;
    }

    /** What the type variables of {@code c}'s superclass stand for, given what {@code c}'s own stand for. */
    private static Map<TypeVariable<?>, Type> superclassBindings(Class<?> c, Map<TypeVariable<?>, Type> bindings) {
        if (!(c.getGenericSuperclass() instanceof ParameterizedType p)) {
            return Map.of();
        }
        TypeVariable<?>[] variables = c.getSuperclass().getTypeParameters();
        Type[] arguments = p.getActualTypeArguments();
        Map<TypeVariable<?>, Type> next = new HashMap<>();
        for (int i = 0; i < variables.length; i++) {
            next.put(variables[i], bound(arguments[i], bindings));
        }
        return next;
    }

    private static Type bound(Type type, Map<TypeVariable<?>, Type> bindings) {
        return type instanceof TypeVariable<?> v ? bindings.getOrDefault(v, v) : type;
    }

    /** Whether a type has no type variables or wildcards anywhere. */
    public static boolean isConcrete(Type t) {
        if (t instanceof Class<?>) {
            return true;
        }
        if (t instanceof ParameterizedType p) {
            for (Type a : p.getActualTypeArguments()) {
                if (!isConcrete(a)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static Method lambdaImplementation(Object function) {
        Class<?> clazz = function.getClass();
        if (!clazz.isSynthetic()) {
            return null;
        }
        try {
            Method writeReplace = clazz.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replaced = writeReplace.invoke(function);
            if (!(replaced instanceof SerializedLambda lambda)) {
                return null;
            }
            ClassLoader loader = clazz.getClassLoader();
            Class<?> implClass = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
            for (Method m : implClass.getDeclaredMethods()) {
                if (m.getName().equals(lambda.getImplMethodName())
                        && descriptor(m).equals(lambda.getImplMethodSignature())) {
                    return m;
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String descriptor(Method m) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            sb.append(p.descriptorString());
        }
        return sb.append(')').append(m.getReturnType().descriptorString()).toString();
    }

    private static Class<?> box(Class<?> primitive) {
        return switch (primitive.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "char" -> Character.class;
            default -> Void.class;
        };
    }
}
