package dev.spindle.api.tuple;

/** A tuple of two fields. */
public class Tuple2<T0, T1> extends Tuple {

    public T0 f0;
    public T1 f1;

    public Tuple2() {
    }

    public Tuple2(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
        return new Tuple2<>(f0, f1);
    }

    @Override
    public int getArity() {
        return 2;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        return switch (pos) {
            case 0 -> (T) f0;
            case 1 -> (T) f1;
            default -> throw new IndexOutOfBoundsException(pos);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void setField(int pos, Object value) {
        switch (pos) {
            case 0 -> f0 = (T0) value;
            case 1 -> f1 = (T1) value;
            default -> throw new IndexOutOfBoundsException(pos);
        }
    }

    @Override
    public Tuple2<T0, T1> newInstance() {
        return new Tuple2<>();
    }
}
