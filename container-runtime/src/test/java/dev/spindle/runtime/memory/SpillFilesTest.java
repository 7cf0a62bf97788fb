package dev.spindle.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillFilesTest {

    @TempDir
    Path tmp;

    @Test
    void shouldUseTheDirectoriesInTurn() throws Exception {
        File a = tmp.resolve("a").toFile();
        File b = tmp.resolve("b").toFile();
        try (SpillFiles files = new SpillFiles(new File[] {a, b}, "test")) {
            File first = files.newFile();
            File second = files.newFile();
            File third = files.newFile();
            assertFalse(first.getParentFile().equals(second.getParentFile()));
            assertEquals(first.getParentFile(), third.getParentFile());
            assertEquals(3, a.list().length + b.list().length);
        }
        assertEquals(0, a.list().length + b.list().length, "close deletes every file");
    }

    @Test
    void shouldReadBackWhatWasWrittenAcrossBufferBoundaries() throws Exception {
        MemoryManager memory = new MemoryManager(8 << 10, 1024, 1);
        List<MemorySegment> pages = memory.allocatePages("test", 2);
        byte[] payload = new byte[5000];
        new Random(7).nextBytes(payload);
        try (SpillFiles files = new SpillFiles(new File[] {tmp.toFile()}, "test")) {
            SpillFileWriter writer = files.createWriter(pages.get(0));
            for (int i = 0; i < 300; i++) {
                writer.writeInt(i);
                writer.writeLong(-i * 1_000_000_007L);
            }
            writer.write(payload, 0, payload.length);
            writer.close();
            assertEquals(300 * 12 + payload.length, writer.bytesWritten());
            assertEquals(writer.bytesWritten(), writer.file().length());

            SpillFileReader reader = files.openReader(writer.file(), pages.get(1));
            for (int i = 0; i < 300; i++) {
                assertEquals(i, reader.readInt());
                assertEquals(-i * 1_000_000_007L, reader.readLong());
            }
            byte[] back = new byte[payload.length];
            reader.readFully(back, 0, back.length);
            assertArrayEquals(payload, back);
            assertTrue(reader.atEnd());
            assertThrows(EOFException.class, reader::readInt);
            reader.close();
            files.delete(writer.file());
            assertFalse(writer.file().exists());
            assertEquals(0, files.liveFiles());
        }
    }

    @Test
    void shouldCloseOpenChannelsAndDeleteFilesWhenClosedMidway() throws Exception {
        MemoryManager memory = new MemoryManager(8 << 10, 1024, 1);
        List<MemorySegment> pages = memory.allocatePages("test", 2);
        SpillFiles files = new SpillFiles(new File[] {tmp.toFile()}, "test");
        SpillFileWriter writer = files.createWriter(pages.get(0));
        writer.write(new byte[3000], 0, 3000);
        SpillFileWriter other = files.createWriter(pages.get(1));
        other.close();
        files.openReader(other.file(), pages.get(1));
        assertEquals(2, files.liveFiles());

        files.close();
        files.close();
        assertEquals(0, tmp.toFile().list().length);
        assertThrows(IllegalStateException.class, files::newFile);
    }
}
