package dev.spindle.runtime.operators.join;

import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.memory.SpillFileReader;
import dev.spindle.runtime.memory.SpillFileWriter;
import dev.spindle.runtime.memory.SpillFiles;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;

/**
 * One bit per record of a join input, in a spill file: whether the record found a match in an
 * earlier pass of a block-nested-loop join, so that the outer side's unmatched records can be
 * emitted after the last pass without keeping a bit per record in memory.
 */
final class FlagFile {

    private final File file;

    private FlagFile(File file) {
        this.file = file;
    }

    Reader open(SpillFiles files, MemorySegment buffer) throws IOException {
        return new Reader(files.openReader(file, buffer), buffer);
    }

    void delete(SpillFiles files) {
        files.delete(file);
    }

    /** Appends flags, 32 to an int. */
    static final class Writer implements Closeable {

        private final SpillFileWriter out;
        private final MemorySegment buffer;
        private int word;
        private int bits;

        Writer(SpillFiles files, MemorySegment buffer) throws IOException {
            this.out = files.createWriter(buffer);
            this.buffer = buffer;
        }

        void write(boolean flag) throws IOException {
            word = (word << 1) | (flag ? 1 : 0);
            if (++bits == 32) {
                out.writeInt(word);
                bits = 0;
            }
        }

        MemorySegment buffer() {
            return buffer;
        }

        FlagFile finish() throws IOException {
            if (bits > 0) {
                out.writeInt(word << (32 - bits));
            }
            out.close();
            return new FlagFile(out.file());
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads the flags back in the order they were written. */
    static final class Reader implements Closeable {

        private final SpillFileReader in;
        private final MemorySegment buffer;
        private int word;
        private int bitsLeft;

        private Reader(SpillFileReader in, MemorySegment buffer) {
            this.in = in;
            this.buffer = buffer;
        }

        boolean next() throws IOException {
            if (bitsLeft == 0) {
                word = in.readInt();
                bitsLeft = 32;
            }
            bitsLeft--;
            return (word >>> bitsLeft & 1) != 0;
        }

        MemorySegment buffer() {
            return buffer;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
