package dev.spindle.api.tuple;

/** A tuple of four fields. */
public class Tuple4<T0, T1, T2, T3> extends Tuple {

    public T0 f0;
    public T1 f1;
    public T2 f2;
    public T3 f3;

    public Tuple4() {
    }

    public Tuple4(T0 f0, T1 f1, T2 f2, T3 f3) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
    }

    public static <T0, T1, T2, T3> Tuple4<T0, T1, T2, T3> of(T0 f0, T1 f1, T2 f2, T3 f3) {
        return new Tuple4<>(f0, f1, f2, f3);
    }

    @Override
    public int getArity() {
        return 4;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        return switch (pos) {
            case 0 -> (T) f0;
            case 1 -> (T) f1;
            case 2 -> (T) f2;
            case 3 -> (T) f3;
            default -> throw new IndexOutOfBoundsException(pos);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void setField(int pos, Object value) {
        switch (pos) {
            case 0 -> f0 = (T0) value;
            case 1 -> f1 = (T1) value;
            case 2 -> f2 = (T2) value;
            case 3 -> f3 = (T3) value;
            default -> throw new IndexOutOfBoundsException(pos);
        }
    }

    @Override
    public Tuple4<T0, T1, T2, T3> newInstance() {
        return new Tuple4<>();
    }
}
