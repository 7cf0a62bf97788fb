package dev.spindle.api.tuple;

/** A tuple of one field. */
public class Tuple1<T0> extends Tuple {

    public T0 f0;

    public Tuple1() {
    }

    public Tuple1(T0 f0) {
        this.f0 = f0;
    }

    public static <T0> Tuple1<T0> of(T0 f0) {
        return new Tuple1<>(f0);
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        return switch (pos) {
            case 0 -> (T) f0;
            default -> throw new IndexOutOfBoundsException(pos);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void setField(int pos, Object value) {
        switch (pos) {
            case 0 -> f0 = (T0) value;
            default -> throw new IndexOutOfBoundsException(pos);
        }
    }

    @Override
    public Tuple1<T0> newInstance() {
        return new Tuple1<>();
    }
}
