package dev.spindle.api.tuple;

/** A tuple of eight fields. */
public class Tuple8<T0, T1, T2, T3, T4, T5, T6, T7> extends Tuple {

    public T0 f0;
    public T1 f1;
    public T2 f2;
    public T3 f3;
    public T4 f4;
    public T5 f5;
    public T6 f6;
    public T7 f7;

    public Tuple8() {
    }

    public Tuple8(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
        this.f5 = f5;
        this.f6 = f6;
        this.f7 = f7;
    }

    public static <T0, T1, T2, T3, T4, T5, T6, T7> Tuple8<T0, T1, T2, T3, T4, T5, T6, T7> of(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7) {
        return new Tuple8<>(f0, f1, f2, f3, f4, f5, f6, f7);
    }

    @Override
    public int getArity() {
        return 8;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        return switch (pos) {
            case 0 -> (T) f0;
            case 1 -> (T) f1;
            case 2 -> (T) f2;
            case 3 -> (T) f3;
            case 4 -> (T) f4;
            case 5 -> (T) f5;
            case 6 -> (T) f6;
            case 7 -> (T) f7;
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
            case 4 -> f4 = (T4) value;
            case 5 -> f5 = (T5) value;
            case 6 -> f6 = (T6) value;
            case 7 -> f7 = (T7) value;
            default -> throw new IndexOutOfBoundsException(pos);
        }
    }

    @Override
    public Tuple8<T0, T1, T2, T3, T4, T5, T6, T7> newInstance() {
        return new Tuple8<>();
    }
}
