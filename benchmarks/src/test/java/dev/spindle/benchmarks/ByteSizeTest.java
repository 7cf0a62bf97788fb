package dev.spindle.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void shouldParseBinarySuffixes() {
        assertEquals(1L << 30, ByteSize.parse("1g").bytes());
        assertEquals(1L << 30, ByteSize.parse("1GiB").bytes());
        assertEquals(200L << 20, ByteSize.parse("200m").bytes());
        assertEquals(512L << 10, ByteSize.parse("512kb").bytes());
        assertEquals(4096, ByteSize.parse("4096").bytes());
    }

    @Test
    void shouldNameFilesByLargestWholeUnit() {
        assertEquals("1g", ByteSize.parse("1024m").token());
        assertEquals("200m", ByteSize.parse("200m").token());
        assertEquals("1000", ByteSize.parse("1000").token());
        assertEquals("1.00 GiB", ByteSize.parse("1g").toString());
    }

    @Test
    void shouldRejectNonSizes() {
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("x"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("-5m"));
    }
}
