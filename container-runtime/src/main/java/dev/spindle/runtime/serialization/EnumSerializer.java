package dev.spindle.runtime.serialization;

import java.io.IOException;
import java.io.ObjectInputStream;

/**
 * Serializes the constants of one enum class as their ordinal, written as a var-int. The encoding is
 * deterministic and compact, but it changes if constants are reordered, so it is not meant for data
 * that outlives one job. Stateless after construction; any thread may use it.
 */
public final class EnumSerializer<E extends Enum<E>> implements TypeSerializer<E> {

    private final Class<E> enumClass;
    private transient E[] constants;

    public EnumSerializer(Class<E> enumClass) {
        if (!enumClass.isEnum()) {
            throw new IllegalArgumentException(enumClass.getName() + " is not an enum class");
        }
        this.enumClass = enumClass;
        this.constants = enumClass.getEnumConstants();
    }

    @Override
    public void serialize(E record, DataOutputView out) throws IOException {
        out.writeVarInt(record.ordinal());
    }

    @Override
    public E deserialize(DataInputView in) throws IOException {
        int ordinal = in.readVarInt();
        if (ordinal < 0 || ordinal >= constants.length) {
            throw new IOException("No constant with ordinal " + ordinal + " in enum " + enumClass.getName());
        }
        return constants[ordinal];
    }

    public Class<E> getEnumClass() {
        return enumClass;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        constants = enumClass.getEnumConstants();
    }
}
