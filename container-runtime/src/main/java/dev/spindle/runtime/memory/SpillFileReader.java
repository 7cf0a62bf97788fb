package dev.spindle.runtime.memory;

import java.io.Closeable;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Reads one spill file sequentially through a page of managed memory; the counterpart of
 * {@link SpillFileWriter}. Created by {@link SpillFiles#openReader}. Used by one thread.
 */
public final class SpillFileReader implements Closeable {

    private final SpillFiles owner;
    private final File file;
    private final FileChannel channel;
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean closed;

    SpillFileReader(SpillFiles owner, File file, byte[] buffer) throws IOException {
        this.owner = owner;
        this.file = file;
        this.buffer = buffer;
        this.channel = FileChannel.open(file.toPath(), StandardOpenOption.READ);
    }

    public File file() {
        return file;
    }

    /** Whether every byte of the file was read. */
    public boolean atEnd() throws IOException {
        return position == limit && !fill();
    }

    public int readInt() throws IOException {
        if (limit - position < 4) {
            return (readByte() << 24) | (readByte() << 16) | (readByte() << 8) | readByte();
        }
        byte[] b = buffer;
        int p = position;
        position = p + 4;
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    public long readLong() throws IOException {
        return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
    }

    public void readFully(byte[] target, int offset, int length) throws IOException {
        while (length > 0) {
            if (position == limit && !fill()) {
                throw new EOFException("Spill file " + file + " ended early");
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    /** Moves past {@code length} bytes. */
    public void skip(int length) throws IOException {
        while (length > 0) {
            if (position == limit && !fill()) {
                throw new EOFException("Spill file " + file + " ended early");
            }
            int n = Math.min(length, limit - position);
            position += n;
            length -= n;
        }
    }

    private int readByte() throws IOException {
        if (position == limit && !fill()) {
            throw new EOFException("Spill file " + file + " ended early");
        }
        return buffer[position++] & 0xFF;
    }

    /** Reads the next chunk into the (fully consumed) buffer; false at the end of the file. */
    private boolean fill() throws IOException {
        ByteBuffer in = ByteBuffer.wrap(buffer);
        int n = 0;
        while (n == 0) {
            n = channel.read(in);
        }
        position = 0;
        limit = Math.max(0, n);
        return n > 0;
    }

    /** Closes the file; idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        owner.channelClosed(this);
        channel.close();
    }
}
