package dev.spindle.runtime.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.tuple.Tuple;
import dev.spindle.api.tuple.Tuple1;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.tuple.Tuple3;
import dev.spindle.api.tuple.Tuple8;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

public class SerializersTest {

    // ---------------------------------------------------------------- test types

    /** Captures a generic type: {@code new TypeOf<Tuple2<String, Long>>() {}.type()}. */
    abstract static class TypeOf<T> {
        Type type() {
            return ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
        }
    }

    public static class WordCount extends Tuple2<String, Integer> {
        public WordCount() {
        }

        public WordCount(String word, int count) {
            super(word, count);
        }
    }

    public static class Keyed<K> extends Tuple2<K, Long> {
    }

    public static class StringKeyed extends Keyed<String> {
    }

    public static class TupleWithExtra extends Tuple2<String, Long> {
        public int extra;
    }

    public record Point(int x, int y) {
    }

    public record Pair<A, B>(A first, B second) {
    }

    record Hidden(String name, double weight, Tuple2<String, Long> tag) {
    }

    public enum Color {
        RED, GREEN {
            @Override
            public String toString() {
                return "green!";
            }
        }, BLUE
    }

    public static class Animal {
        public String name;
        private int legs;

        public int legs() {
            return legs;
        }

        public void setLegs(int legs) {
            this.legs = legs;
        }
    }

    public static class Dog extends Animal {
        public String breed;
        protected Tuple2<String, Integer> best;
        private List<String> tricks;
        public transient int cache;

        public List<String> tricks() {
            return tricks;
        }

        public void setTricks(List<String> tricks) {
            this.tricks = tricks;
        }
    }

    public static class Box<T> {
        public T value;
    }

    public static class Node {
        public int value;
        public Node next;
    }

    /** No no-arg constructor, final: Kryo with the class implied. */
    public static final class Money {
        private final long cents;
        private final String currency;

        public Money(long cents, String currency) {
            this.cents = cents;
            this.currency = currency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money m && m.cents == cents && m.currency.equals(currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cents, currency);
        }
    }

    /** No no-arg constructor, not final: Kryo writing the class name. */
    public static class Temperature {
        private final double celsius;

        public Temperature(double celsius) {
            this.celsius = celsius;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Temperature t && t.celsius == celsius;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(celsius);
        }
    }

    /** Public with a public no-arg constructor, but its fields live in the JDK: not a POJO. */
    public static class UserException extends RuntimeException {
        public String detail;
    }

    // ---------------------------------------------------------------- helpers

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(8);
        serializer.serialize(value, out);
        DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
        T result = serializer.deserialize(in);
        assertEquals(0, in.available(), "bytes left after reading " + value);
        return result;
    }

    private static <T> void assertRoundTrip(Type type, T value) throws IOException {
        TypeSerializer<T> serializer = Serializers.forType(type);
        assertDeepEquals(value, roundTrip(serializer, value));
    }

    /** Equality that looks into arrays and tuple fields (Tuple.equals compares arrays by identity). */
    private static void assertDeepEquals(Object expected, Object actual) {
        if (expected instanceof Tuple e) {
            assertEquals(e.getClass(), actual.getClass());
            for (int i = 0; i < e.getArity(); i++) {
                assertDeepEquals(e.getField(i), ((Tuple) actual).getField(i));
            }
        } else if (expected instanceof Object[] e) {
            assertEquals(e.getClass(), actual.getClass());
            Object[] a = (Object[]) actual;
            assertEquals(e.length, a.length);
            for (int i = 0; i < e.length; i++) {
                assertDeepEquals(e[i], a[i]);
            }
        } else {
            assertTrue(Objects.deepEquals(expected, actual), () -> "expected " + expected + " but was " + actual);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T javaRoundTrip(T object) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    // ---------------------------------------------------------------- basics and arrays

    @Test
    void shouldRoundTripPrimitivesAndBoxes() throws IOException {
        assertRoundTrip(int.class, Integer.MIN_VALUE);
        assertRoundTrip(Integer.class, 42);
        assertRoundTrip(long.class, Long.MAX_VALUE);
        assertRoundTrip(Double.class, Double.NaN);
        assertRoundTrip(float.class, -1.5f);
        assertRoundTrip(Short.class, (short) -3);
        assertRoundTrip(byte.class, (byte) 0x80);
        assertRoundTrip(Character.class, '日');
        assertRoundTrip(boolean.class, true);
    }

    @Test
    void shouldRoundTripStrings() throws IOException {
        for (String s : List.of("", "hello", "héllo wörld ✓ 日本語 😀 \u0000", "ü".repeat(70001), "a".repeat(80000))) {
            assertRoundTrip(String.class, s);
        }
    }

    @Test
    void shouldRoundTripPrimitiveArrays() throws IOException {
        assertRoundTrip(byte[].class, new byte[] {1, -2, 3});
        assertRoundTrip(int[].class, new int[] {1, -2, Integer.MAX_VALUE});
        assertRoundTrip(long[].class, new long[] {Long.MIN_VALUE, 0});
        assertRoundTrip(double[].class, new double[] {1.5, Double.NEGATIVE_INFINITY});
        assertRoundTrip(float[].class, new float[] {2.5f});
        assertRoundTrip(short[].class, new short[] {-1, 1});
        assertRoundTrip(char[].class, new char[] {'a', '\u0000', '語'});
        assertRoundTrip(boolean[].class, new boolean[] {true, false, true});
        assertRoundTrip(int[].class, new int[0]);
    }

    @Test
    void shouldRoundTripObjectArraysWithNulls() throws IOException {
        assertRoundTrip(String[].class, new String[] {"a", null, "c"});
        assertRoundTrip(Integer[][].class, new Integer[][] {{1, null}, null, {}});
        assertRoundTrip(int[][].class, new int[][] {{1, 2}, {3}});
        Type tupleArray = new TypeOf<Tuple2<String, Long>[]>() { }.type();
        @SuppressWarnings("unchecked")
        Tuple2<String, Long>[] tuples = new Tuple2[] {Tuple2.of("x", 1L), null, Tuple2.of(null, 2L)};
        assertRoundTrip(tupleArray, tuples);
    }

    // ---------------------------------------------------------------- tuples

    @Test
    void shouldRoundTripTuplesWithNullFields() throws IOException {
        assertRoundTrip(new TypeOf<Tuple1<String>>() { }.type(), Tuple1.of((String) null));
        assertRoundTrip(new TypeOf<Tuple2<String, Long>>() { }.type(), Tuple2.of("a", null));
        assertRoundTrip(new TypeOf<Tuple3<Integer, String, double[]>>() { }.type(),
                Tuple3.of(7, "ü", new double[] {1.0}));
        Type t8 = new TypeOf<Tuple8<Integer, Long, String, Byte, Short, Character, Boolean, Color>>() { }.type();
        assertRoundTrip(t8, Tuple8.of(1, 2L, "3", (byte) 4, (short) 5, '6', null, Color.BLUE));
    }

    /** Tuples write Long, Double, Integer and String fields inline: the bytes must be their serializers'. */
    @Test
    void shouldWriteInlinedTupleFieldsAsTheirSerializersDo() throws IOException {
        Type type = new TypeOf<Tuple8<Long, Double, Integer, String, Long, String, int[],
                Tuple2<Long, Double>>>() { }.type();
        TypeSerializer<Tuple8<Long, Double, Integer, String, Long, String, int[], Tuple2<Long, Double>>> tuples =
                Serializers.forType(type);
        Tuple8<Long, Double, Integer, String, Long, String, int[], Tuple2<Long, Double>> value =
                Tuple8.of(-5L, 2.5, 7, "ünï", null, "", new int[] {1}, Tuple2.of(9L, null));
        TypeSerializer<?>[] fields = {Serializers.forClass(Long.class), Serializers.forClass(Double.class),
            Serializers.forClass(Integer.class), Serializers.forClass(String.class), Serializers.forClass(Long.class),
            Serializers.forClass(String.class), Serializers.forClass(int[].class),
            Serializers.forType(new TypeOf<Tuple2<Long, Double>>() { }.type())};
        DataOutputSerializer expected = new DataOutputSerializer(64);
        for (int i = 0; i < fields.length; i++) {
            Serializers.writeNullable(Serializers.asObjectSerializers(fields)[i], value.getField(i), expected);
        }
        DataOutputSerializer actual = new DataOutputSerializer(64);
        tuples.serialize(value, actual);

        assertArrayEquals(expected.toByteArray(), actual.toByteArray());
        assertDeepEquals(value, roundTrip(tuples, value));
        assertDeepEquals(Tuple2.of(3L, "x"), roundTrip(Serializers.forType(
                new TypeOf<Tuple2<Long, String>>() { }.type()), Tuple2.of(3L, "x")));
    }

    @Test
    void shouldRoundTripNestedTuplesWithTypedFields() throws IOException {
        Type type = new TypeOf<Tuple2<String, Tuple2<Long, int[]>>>() { }.type();
        TupleSerializer<?> serializer = (TupleSerializer<?>) Serializers.<Object>forType(type);
        assertSame(serializer, serializer.duplicate(), "no stateful field serializers expected");
        assertRoundTrip(type, Tuple2.of("k", Tuple2.of(5L, new int[] {1, 2, 3})));
        assertRoundTrip(type, Tuple2.of("k", Tuple2.of(null, null)));
    }

    @Test
    void shouldRoundTripUserTupleSubclasses() throws IOException {
        WordCount wc = roundTrip(Serializers.forClass(WordCount.class), new WordCount("word", 3));
        assertEquals(WordCount.class, wc.getClass());
        assertEquals("word", wc.f0);
        assertEquals(3, wc.f1);

        StringKeyed keyed = new StringKeyed();
        keyed.f0 = "key";
        keyed.f1 = 9L;
        assertRoundTrip(StringKeyed.class, keyed);

        TupleWithExtra extra = new TupleWithExtra();
        extra.f0 = "e";
        extra.extra = 17;
        assertEquals(17, roundTrip(Serializers.forClass(TupleWithExtra.class), extra).extra);
    }

    // ---------------------------------------------------------------- records, enums, POJOs

    @Test
    void shouldRoundTripRecordsWithGenericComponents() throws IOException {
        assertRoundTrip(Point.class, new Point(-1, 2));
        Type pair = new TypeOf<Pair<String, Pair<Long, List<Integer>>>>() { }.type();
        assertRoundTrip(pair, new Pair<>("a", new Pair<>(1L, List.of(1, 2))));
        assertRoundTrip(pair, new Pair<>(null, new Pair<>(null, null)));
        assertRoundTrip(Hidden.class, new Hidden("h", 2.5, Tuple2.of("t", null)));
        assertRoundTrip(Pair.class, new Pair<>(Color.RED, 3));
    }

    @Test
    void shouldReadBackToBackRecordsInOrder() throws IOException {
        assertBackToBack(Serializers.forClass(Point.class), i -> new Point(i, -i));
        assertBackToBack(Serializers.forType(new TypeOf<ArrayList<String>>() { }.type()),
                i -> new ArrayList<>(List.of("e" + i, "f".repeat(i))));
        assertBackToBack(Serializers.forClass(Temperature.class), i -> new Temperature(i / 2.0));
        assertBackToBack(new DynamicSerializer(), i -> i % 2 == 0 ? Tuple2.of(i, "s" + i) : new Money(i, "EUR"));
    }

    private static <T> void assertBackToBack(TypeSerializer<T> serializer, java.util.function.IntFunction<T> values)
            throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(8);
        for (int i = 0; i < 100; i++) {
            serializer.serialize(values.apply(i), out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
        for (int i = 0; i < 100; i++) {
            assertEquals(values.apply(i), serializer.deserialize(in));
        }
        assertEquals(0, in.available());
    }

    @Test
    void shouldWriteEnumsAsOrdinal() throws IOException {
        TypeSerializer<Color> serializer = Serializers.forClass(Color.class);
        for (Color c : Color.values()) {
            assertSame(c, roundTrip(serializer, c));
        }
        DataOutputSerializer out = new DataOutputSerializer(8);
        serializer.serialize(Color.GREEN, out);
        assertArrayEquals(new byte[] {1}, out.toByteArray());
        assertInstanceOf(EnumSerializer.class, Serializers.forClass(Color.GREEN.getClass()));
    }

    @Test
    void shouldRoundTripPojosWithInheritance() throws IOException {
        Dog dog = new Dog();
        dog.name = "Rex";
        dog.setLegs(4);
        dog.breed = null;
        dog.best = Tuple2.of("fetch", 10);
        dog.setTricks(new ArrayList<>(List.of("sit", "roll")));
        dog.cache = 99;

        PojoSerializer<Dog> serializer = (PojoSerializer<Dog>) Serializers.forClass(Dog.class);
        assertEquals(List.of("legs", "name", "best", "breed", "tricks"), serializer.getFieldNames());
        Dog copy = roundTrip(serializer, dog);
        assertEquals("Rex", copy.name);
        assertEquals(4, copy.legs());
        assertNull(copy.breed);
        assertEquals(Tuple2.of("fetch", 10), copy.best);
        assertEquals(List.of("sit", "roll"), copy.tricks());
        assertEquals(0, copy.cache, "transient fields are not written");
    }

    @Test
    void shouldRoundTripGenericAndRecursivePojos() throws IOException {
        Box<String> box = new Box<>();
        box.value = "boxed";
        Type boxType = new TypeOf<Box<String>>() { }.type();
        assertEquals("boxed", roundTrip(Serializers.<Box<String>>forType(boxType), box).value);

        Node head = new Node();
        head.value = 1;
        head.next = new Node();
        head.next.value = 2;
        head.next.next = new Node();
        head.next.next.value = 3;
        Node copy = roundTrip(Serializers.forClass(Node.class), head);
        assertEquals(List.of(1, 2, 3), List.of(copy.value, copy.next.value, copy.next.next.value));
        assertNull(copy.next.next.next);
    }

    // ---------------------------------------------------------------- Kryo

    @Test
    void shouldRoundTripCollectionsAndClassesWithoutNoArgConstructorThroughKryo() throws IOException {
        assertRoundTrip(new TypeOf<ArrayList<Integer>>() { }.type(), new ArrayList<>(List.of(1, 2, 3)));
        Map<String, Tuple2<String, Long>> map = new HashMap<>();
        map.put("a", Tuple2.of("x", 1L));
        map.put("b", null);
        assertRoundTrip(new TypeOf<Map<String, Tuple2<String, Long>>>() { }.type(), map);
        assertRoundTrip(HashMap.class, new HashMap<>(Map.of("k", List.of(1))));
        assertRoundTrip(Money.class, new Money(1999, "EUR"));
        assertRoundTrip(Temperature.class, new Temperature(-40));
    }

    // ---------------------------------------------------------------- dynamic

    @Test
    void shouldRoundTripMixedValuesDynamically() throws IOException {
        DynamicSerializer serializer = new DynamicSerializer();
        Dog dog = new Dog();
        dog.name = "Dyn";
        Object[] values = {null, "s", "", 1, 2L, 3.0, 4f, (short) 5, (byte) 6, 'c', true, new byte[] {1, 2},
            Tuple2.of("a", Tuple2.of(1L, new int[] {1, 2})), Tuple3.of(null, 1, null), new WordCount("w", 1),
            Color.GREEN, new Point(1, 2), new ArrayList<>(List.of("x")), new int[][] {{1}, {2, 3}},
            new String[] {"a", null}, new Money(5, "USD"), Tuple1.of(Tuple1.of(Tuple1.of("deep")))};
        DataOutputSerializer out = new DataOutputSerializer(8);
        for (Object value : values) {
            serializer.serialize(value, out);
        }
        serializer.serialize(dog, out);
        DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
        for (Object value : values) {
            assertDeepEquals(value, serializer.deserialize(in));
        }
        assertEquals("Dyn", ((Dog) serializer.deserialize(in)).name);
        assertEquals(0, in.available());
    }

    @Test
    void shouldRoundTripNestedTuplesThroughFreshDynamicSerializer() throws IOException {
        Object value = Tuple2.of("outer", Tuple2.of(7L, new int[] {4, 5}));
        DataOutputSerializer out = new DataOutputSerializer(8);
        new DynamicSerializer().serialize(value, out);
        Object copy = new DynamicSerializer().deserialize(new DataInputDeserializer(out.toByteArray()));
        assertDeepEquals(value, copy);
        assertRoundTrip(Tuple2.class, Tuple2.of(new WordCount("x", 1), Color.RED));
    }

    @Test
    void shouldExplainUnknownClassNames() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(8);
        out.writeByte(12);
        out.writeString("com.example.DoesNotExist");
        IOException e = assertThrows(IOException.class,
                () -> new DynamicSerializer().deserialize(new DataInputDeserializer(out.toByteArray())));
        assertTrue(e.getMessage().contains("com.example.DoesNotExist"), e.getMessage());
    }

    // ---------------------------------------------------------------- selection

    @Test
    void shouldPickExpectedSerializerForEachKindOfType() {
        Map<Type, Class<?>> expected = new java.util.LinkedHashMap<>();
        expected.put(Object.class, DynamicSerializer.class);
        expected.put(Tuple2.class.getTypeParameters()[0], DynamicSerializer.class);
        expected.put(((ParameterizedType) new TypeOf<List<?>>() { }.type()).getActualTypeArguments()[0],
                DynamicSerializer.class);
        expected.put(Comparable.class, DynamicSerializer.class);
        expected.put(Number.class, DynamicSerializer.class);
        expected.put(Tuple.class, DynamicSerializer.class);
        expected.put(int.class, BasicSerializers.IntSerializer.class);
        expected.put(Integer.class, BasicSerializers.IntSerializer.class);
        expected.put(long.class, BasicSerializers.LongSerializer.class);
        expected.put(Double.class, BasicSerializers.DoubleSerializer.class);
        expected.put(float.class, BasicSerializers.FloatSerializer.class);
        expected.put(Short.class, BasicSerializers.ShortSerializer.class);
        expected.put(byte.class, BasicSerializers.ByteSerializer.class);
        expected.put(char.class, BasicSerializers.CharSerializer.class);
        expected.put(Boolean.class, BasicSerializers.BooleanSerializer.class);
        expected.put(String.class, BasicSerializers.StringSerializer.class);
        expected.put(byte[].class, PrimitiveArraySerializers.ByteArraySerializer.class);
        expected.put(int[].class, PrimitiveArraySerializers.IntArraySerializer.class);
        expected.put(long[].class, PrimitiveArraySerializers.LongArraySerializer.class);
        expected.put(boolean[].class, PrimitiveArraySerializers.BooleanArraySerializer.class);
        expected.put(String[].class, ObjectArraySerializer.class);
        expected.put(new TypeOf<Tuple2<String, Long>[]>() { }.type(), ObjectArraySerializer.class);
        expected.put(new TypeOf<Tuple2<String, Long>>() { }.type(), TupleSerializer.class);
        expected.put(Tuple1.class, TupleSerializer.class);
        expected.put(WordCount.class, TupleSerializer.class);
        expected.put(StringKeyed.class, TupleSerializer.class);
        expected.put(TupleWithExtra.class, PojoSerializer.class);
        expected.put(Point.class, RecordSerializer.class);
        expected.put(new TypeOf<Pair<String, Long>>() { }.type(), RecordSerializer.class);
        expected.put(Color.class, EnumSerializer.class);
        expected.put(Dog.class, PojoSerializer.class);
        expected.put(Node.class, PojoSerializer.class);
        expected.put(ArrayList.class, KryoSerializer.class);
        expected.put(List.class, KryoSerializer.class);
        expected.put(new TypeOf<Map<String, Long>>() { }.type(), KryoSerializer.class);
        expected.put(Money.class, KryoSerializer.class);
        expected.put(Temperature.class, KryoSerializer.class);
        expected.put(java.math.BigDecimal.class, KryoSerializer.class);
        expected.put(UserException.class, KryoSerializer.class);
        expected.forEach((type, serializerClass) ->
                assertEquals(serializerClass, Serializers.forType(type).getClass(), "serializer for " + type));
        assertEquals(DynamicSerializer.class, Serializers.forType(null).getClass());
    }

    @Test
    void shouldResolveGenericFieldTypes() {
        TypeSerializer<?> keyed = Serializers.forClass(StringKeyed.class);
        TypeSerializer<?> box = Serializers.forType(new TypeOf<Box<Tuple2<String, Long>>>() { }.type());
        DataOutputSerializer out = new DataOutputSerializer(8);
        // Typed fields write no class names: "key" + 1L as marker, len, 3 chars, marker, 8 bytes.
        assertEquals(1 + 1 + 3 + 1 + 8, sizeOf(keyed, keyedValue(), out));
        Box<Tuple2<String, Long>> value = new Box<>();
        value.value = Tuple2.of("key", 1L);
        assertEquals(1 + 1 + 1 + 3 + 1 + 8, sizeOf(box, value, out));
    }

    private static StringKeyed keyedValue() {
        StringKeyed keyed = new StringKeyed();
        keyed.f0 = "key";
        keyed.f1 = 1L;
        return keyed;
    }

    @SuppressWarnings("unchecked")
    private static int sizeOf(TypeSerializer<?> serializer, Object value, DataOutputSerializer out) {
        out.clear();
        try {
            ((TypeSerializer<Object>) serializer).serialize(value, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.length();
    }

    // ---------------------------------------------------------------- Java serialization and duplicate

    @Test
    void shouldStillWorkAfterJavaSerialization() throws Exception {
        Dog dog = new Dog();
        dog.name = "Java";
        Map<Type, Object> cases = new java.util.LinkedHashMap<>();
        cases.put(new TypeOf<Tuple2<String, Tuple2<Long, int[]>>>() { }.type(), Tuple2.of("a", Tuple2.of(1L, new int[] {1})));
        cases.put(new TypeOf<Pair<String, Color>>() { }.type(), new Pair<>("p", Color.GREEN));
        cases.put(Dog.class, dog);
        cases.put(Color.class, Color.BLUE);
        cases.put(new TypeOf<ArrayList<String>>() { }.type(), new ArrayList<>(List.of("k")));
        cases.put(Object.class, Tuple2.of(new Point(1, 2), "dyn"));
        cases.put(String[].class, new String[] {"x", null});
        cases.put(String.class, "plain");
        for (Map.Entry<Type, Object> c : cases.entrySet()) {
            TypeSerializer<Object> serializer = Serializers.forType(c.getKey());
            roundTrip(serializer, c.getValue()); // populate lazy state (Kryo, caches) before serializing
            TypeSerializer<Object> copy = javaRoundTrip(serializer);
            assertEquals(serializer.getClass(), copy.getClass());
            Object value = c.getValue();
            Object result = roundTrip(copy, value);
            if (value instanceof Dog) {
                assertEquals("Java", ((Dog) result).name);
            } else {
                assertDeepEquals(value, result);
            }
        }
        assertSame(BasicSerializers.StringSerializer.INSTANCE, javaRoundTrip(BasicSerializers.StringSerializer.INSTANCE));
    }

    @Test
    void shouldDuplicateStatefulSerializers() {
        TypeSerializer<?> dynamic = Serializers.forClass(Object.class);
        assertNotSame(dynamic, dynamic.duplicate());
        TypeSerializer<?> kryo = Serializers.forClass(ArrayList.class);
        assertNotSame(kryo, kryo.duplicate());
        TypeSerializer<?> dynamicFields = Serializers.forClass(Tuple2.class);
        assertNotSame(dynamicFields, dynamicFields.duplicate());
        TypeSerializer<?> typedFields = Serializers.forType(new TypeOf<Tuple2<String, Long>>() { }.type());
        assertSame(typedFields, typedFields.duplicate());
        TypeSerializer<?> pojo = Serializers.forClass(Dog.class);
        assertNotSame(pojo, pojo.duplicate(), "Dog.tricks is a List, serialized by Kryo");
        TypeSerializer<?> record = Serializers.forClass(Point.class);
        assertSame(record, record.duplicate());
    }
}
