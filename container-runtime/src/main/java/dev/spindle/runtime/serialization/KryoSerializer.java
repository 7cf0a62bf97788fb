package dev.spindle.runtime.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.io.IOException;
import java.lang.reflect.Modifier;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * The fallback serializer: hands records to Kryo (registration not required, references off, so
 * cyclic object graphs are not supported). Each record is written as a var-int length followed by
 * Kryo's bytes, which makes it self-delimiting. When the static type is final the class is implied;
 * otherwise Kryo writes the class name with every record. The Kryo instance is created lazily on first
 * use, with the thread's context class loader at that moment (tasks set it to the job's class loader),
 * and is not shared: one thread per instance, {@link #duplicate()} for another thread.
 */
public final class KryoSerializer<T> implements TypeSerializer<T> {

    private static final int INITIAL_BUFFER_SIZE = 256;

    private final Class<T> type;
    private final boolean classImplied;
    private transient Kryo kryo;
    private transient Output output;
    private transient Input input;
    private transient byte[] readBuffer;

    public KryoSerializer(Class<T> type) {
        this.type = type;
        this.classImplied = Modifier.isFinal(type.getModifiers()) && !type.isArray() && !type.isPrimitive();
    }

    @Override
    public void serialize(T record, DataOutputView out) throws IOException {
        Kryo k = kryo();
        output.reset();
        try {
            if (classImplied) {
                k.writeObjectOrNull(output, record, type);
            } else {
                k.writeClassAndObject(output, record);
            }
        } catch (KryoException e) {
            Class<?> actual = record == null ? type : record.getClass();
            throw new IOException("Kryo could not serialize a " + actual.getName() + ": " + e.getMessage(), e);
        }
        out.writeVarInt(output.position());
        out.write(output.getBuffer(), 0, output.position());
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(DataInputView in) throws IOException {
        Kryo k = kryo();
        int length = in.readVarInt();
        if (length < 0) {
            throw new IOException("Corrupt Kryo record length " + length);
        }
        if (readBuffer.length < length) {
            readBuffer = new byte[Math.max(length, 2 * readBuffer.length)];
        }
        in.readFully(readBuffer, 0, length);
        input.setBuffer(readBuffer, 0, length);
        try {
            return classImplied ? k.readObjectOrNull(input, type) : (T) k.readClassAndObject(input);
        } catch (KryoException e) {
            throw new IOException("Kryo could not deserialize a " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new KryoSerializer<>(type);
    }

    public Class<T> getType() {
        return type;
    }

    private Kryo kryo() {
        if (kryo == null) {
            kryo = newKryo();
            output = new Output(INITIAL_BUFFER_SIZE, -1);
            input = new Input();
            readBuffer = new byte[INITIAL_BUFFER_SIZE];
        }
        return kryo;
    }

    private static Kryo newKryo() {
        Kryo k = new Kryo();
        k.setRegistrationRequired(false);
        k.setReferences(false);
        k.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader != null) {
            k.setClassLoader(loader);
        }
        return k;
    }
}
