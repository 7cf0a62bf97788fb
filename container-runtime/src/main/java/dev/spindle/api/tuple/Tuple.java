package dev.spindle.api.tuple;

import java.io.Serializable;

/**
 * A fixed-arity record with public, mutable fields {@code f0, f1, ...}. Tuples compare and hash by
 * their fields, so they can be keys; their hash is the same in every JVM when their fields' are.
 */
public abstract class Tuple implements Serializable {

    /** The largest arity with a concrete class. */
    public static final int MAX_ARITY = 8;

    public abstract int getArity();

    public abstract <T> T getField(int pos);

    public abstract void setField(int pos, Object value);

    /** A new, empty tuple of this class. */
    public abstract Tuple newInstance();

    /** A new empty tuple of the given arity. */
    public static Tuple ofArity(int arity) {
        return switch (arity) {
            case 1 -> new Tuple1<>();
            case 2 -> new Tuple2<>();
            case 3 -> new Tuple3<>();
            case 4 -> new Tuple4<>();
            case 5 -> new Tuple5<>();
            case 6 -> new Tuple6<>();
            case 7 -> new Tuple7<>();
            case 8 -> new Tuple8<>();
            default -> throw new IllegalArgumentException("No tuple of arity " + arity);
        };
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        Tuple other = (Tuple) o;
        for (int i = 0; i < getArity(); i++) {
            if (!java.util.Objects.equals(getField(i), other.getField(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < getArity(); i++) {
            Object f = getField(i);
            h = 31 * h + (f == null ? 0 : f.hashCode());
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < getArity(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object f = getField(i);
            sb.append(f instanceof Object[] a ? java.util.Arrays.deepToString(a) : String.valueOf(f));
        }
        return sb.append(')').toString();
    }
}
