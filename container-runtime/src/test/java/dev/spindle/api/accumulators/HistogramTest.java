package dev.spindle.api.accumulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.util.InstantiationUtil;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void shouldCountEachValueInAscendingOrder() {
        Histogram histogram = new Histogram();
        for (int v : new int[] {5, -1, 5, 3, 5, -1}) {
            histogram.add(v);
        }
        histogram.add(Integer.valueOf(3));

        assertEquals(Map.of(-1, 2, 3, 2, 5, 3), histogram.getLocalValue());
        assertEquals(List.of(-1, 3, 5), List.copyOf(histogram.getLocalValue().keySet()));
    }

    @Test
    void shouldAddCountsOfEqualValuesWhenMerging() {
        Histogram a = new Histogram();
        a.add(1);
        a.add(2);
        Histogram b = new Histogram();
        b.add(2);
        b.add(2);
        b.add(7);

        a.merge(b);

        assertEquals(new TreeMap<>(Map.of(1, 1, 2, 3, 7, 1)), a.getLocalValue());
        assertEquals(Map.of(2, 2, 7, 1), b.getLocalValue(), "the merged-in histogram is unchanged");
    }

    @Test
    void shouldCopyIndependentlyAndReset() {
        Histogram original = new Histogram();
        original.add(4);
        Histogram copy = original.copy();
        copy.add(4);

        assertEquals(Map.of(4, 1), original.getLocalValue());
        assertEquals(Map.of(4, 2), copy.getLocalValue());
        assertNotSame(original.getLocalValue(), copy.getLocalValue());

        original.resetLocal();
        assertTrue(original.getLocalValue().isEmpty());
    }

    @Test
    void shouldSurviveJavaSerializationAsTheJobResultCarriesIt() throws Exception {
        Histogram histogram = new Histogram();
        histogram.add(10);
        histogram.add(10);

        Histogram copy = InstantiationUtil.deserialize(InstantiationUtil.serialize(histogram),
                getClass().getClassLoader());

        assertEquals(histogram.getLocalValue(), copy.getLocalValue());
    }
}
