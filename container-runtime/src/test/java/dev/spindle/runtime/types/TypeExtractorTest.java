package dev.spindle.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.spindle.api.functions.JoinFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.RichJoinFunction;
import dev.spindle.api.functions.RichMapFunction;
import dev.spindle.api.tuple.Tuple2;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.junit.jupiter.api.Test;

class TypeExtractorTest {

    static final class Direct implements MapFunction<Long, String> {
        @Override
        public String map(Long value) {
            return "";
        }
    }

    static final class Rich extends RichJoinFunction<Long, String, Tuple2<Long, String>> {
        @Override
        public Tuple2<Long, String> join(Long first, String second) {
            return Tuple2.of(first, second);
        }
    }

    /** Passes one type variable on through an abstract class of its own. */
    abstract static class Relay<T> extends RichMapFunction<T, Integer> {
    }

    static final class Relayed extends Relay<String> {
        @Override
        public Integer map(String value) {
            return value.length();
        }
    }

    static class Generic<O> extends RichMapFunction<String, O> {
        @Override
        public O map(String value) {
            return null;
        }
    }

    @Test
    void shouldReadOutputTypesDeclaredDirectlyOrThroughGenericSuperclasses() {
        assertEquals(String.class, TypeExtractor.typeArgument(new Direct(), MapFunction.class, 1, true));
        Type pair = TypeExtractor.typeArgument(new Rich(), JoinFunction.class, 2, true);
        assertEquals(Tuple2.class, ((ParameterizedType) pair).getRawType());
        assertEquals(String.class, ((ParameterizedType) pair).getActualTypeArguments()[1]);
        assertEquals(Long.class, TypeExtractor.typeArgument(new Rich(), JoinFunction.class, 0, true));
        assertEquals(Integer.class, TypeExtractor.typeArgument(new Relayed(), MapFunction.class, 1, true));
        assertEquals(String.class, TypeExtractor.typeArgument(new Relayed(), MapFunction.class, 0, true));
        assertNull(TypeExtractor.typeArgument(new Generic<Long>(), MapFunction.class, 1, true), "erased: unknown");
    }
}
