package dev.spindle.runtime.memory;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Appends bytes to one spill file through a page of managed memory (big-endian numbers, like
 * {@link java.io.DataOutput}). Created by {@link SpillFiles#createWriter}; {@link #close()} flushes.
 * Used by one thread.
 */
public final class SpillFileWriter implements Closeable {

    private final SpillFiles owner;
    private final File file;
    private final FileChannel channel;
    private final byte[] buffer;
    private int position;
    private long flushedBytes;
    private boolean closed;

    SpillFileWriter(SpillFiles owner, File file, byte[] buffer) throws IOException {
        this.owner = owner;
        this.file = file;
        this.buffer = buffer;
        this.channel = FileChannel.open(file.toPath(), StandardOpenOption.WRITE);
    }

    public File file() {
        return file;
    }

    /** Bytes written so far, including those still in the buffer. */
    public long bytesWritten() {
        return flushedBytes + position;
    }

    public void writeInt(int v) throws IOException {
        if (buffer.length - position < 4) {
            flush();
        }
        buffer[position] = (byte) (v >>> 24);
        buffer[position + 1] = (byte) (v >>> 16);
        buffer[position + 2] = (byte) (v >>> 8);
        buffer[position + 3] = (byte) v;
        position += 4;
    }

    public void writeLong(long v) throws IOException {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (position == buffer.length) {
                flush();
            }
            int n = Math.min(length, buffer.length - position);
            System.arraycopy(bytes, offset, buffer, position, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    private void flush() throws IOException {
        ByteBuffer out = ByteBuffer.wrap(buffer, 0, position);
        while (out.hasRemaining()) {
            channel.write(out);
        }
        flushedBytes += position;
        position = 0;
    }

    /** Flushes and closes the file; idempotent. The file stays registered until deleted. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        owner.channelClosed(this);
        try {
            if (channel.isOpen()) {
                flush();
            }
        } finally {
            channel.close();
        }
    }
}
