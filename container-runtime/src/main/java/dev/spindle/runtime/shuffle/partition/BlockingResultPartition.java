package dev.spindle.runtime.shuffle.partition;

import dev.spindle.runtime.shuffle.buffer.Buffer;
import dev.spindle.runtime.shuffle.buffer.LocalBufferPool;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition written whole to local disk before anyone reads it: one data file holding every
 * buffer of every subpartition in the order produced, and an index file listing, per subpartition,
 * where its buffers are. Consumers start after the producer finished and read their subpartition
 * through the index, locally or served over Netty by this TaskManager. Buffers return to the pool
 * as soon as they are written, so a producer needs only a few.
 */
public final class BlockingResultPartition extends ResultPartition {

    private final Path dataFile;
    private final Path indexFile;
    private final FileChannel out;
    private final List<List<Region>> index;
    private long writePosition;
    private volatile boolean complete;

    /** Where one buffer sits in the data file. */
    record Region(long offset, int size, boolean event) {
    }

    public BlockingResultPartition(PartitionId id, int numSubpartitions, LocalBufferPool pool, Path directory)
            throws IOException {
        super(id, numSubpartitions, pool);
        Files.createDirectories(directory);
        String base = id.producerAttempt() + "-" + id.outputIndex();
        this.dataFile = directory.resolve(base + ".data");
        this.indexFile = directory.resolve(base + ".index");
        this.out = FileChannel.open(dataFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.index = new ArrayList<>(numSubpartitions);
        for (int i = 0; i < numSubpartitions; i++) {
            index.add(new ArrayList<>());
        }
    }

    @Override
    protected void add(int subpartition, Buffer buffer) throws IOException {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(buffer.segment(), 0, buffer.size());
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            index.get(subpartition).add(new Region(writePosition, buffer.size(), buffer.isEvent()));
            writePosition += buffer.size();
        } finally {
            buffer.recycle();
        }
    }

    @Override
    protected void onFinished() throws IOException {
        out.close();
        try (DataOutputStream idx = new DataOutputStream(Files.newOutputStream(indexFile))) {
            idx.writeInt(index.size());
            for (List<Region> regions : index) {
                idx.writeInt(regions.size());
                for (Region r : regions) {
                    idx.writeLong(r.offset());
                    idx.writeInt(r.size());
                    idx.writeBoolean(r.event());
                }
            }
        }
        complete = true;
    }

    @Override
    protected void releaseResources() {
        try {
            out.close();
        } catch (IOException ignored) {
            // Closing a file we are about to delete; nothing to do.
        }
        try {
            Files.deleteIfExists(dataFile);
            Files.deleteIfExists(indexFile);
        } catch (IOException ignored) {
            // Best effort: the TaskManager's shuffle directory is removed at shutdown anyway.
        }
    }

    @Override
    public SubpartitionView createView(int subpartition, SubpartitionView.AvailabilityListener listener)
            throws IOException {
        if (!complete) {
            throw new IOException("Blocking partition " + id() + " is read before its producer finished");
        }
        SubpartitionView view = new FileView(index.get(subpartition));
        listener.notifyDataAvailable();
        return view;
    }

    /** Reads one subpartition's regions in order, one buffer per {@link #poll()}. */
    private final class FileView implements SubpartitionView {

        private final List<Region> regions;
        private FileChannel in;
        private int next;

        FileView(List<Region> regions) throws IOException {
            this.regions = regions;
            this.in = FileChannel.open(dataFile, StandardOpenOption.READ);
        }

        @Override
        public synchronized Buffer poll() throws IOException {
            if (in == null || next >= regions.size()) {
                return null;
            }
            Region r = regions.get(next++);
            byte[] bytes = new byte[r.size()];
            ByteBuffer target = ByteBuffer.wrap(bytes);
            long position = r.offset();
            while (target.hasRemaining()) {
                int n = in.read(target, position + target.position());
                if (n < 0) {
                    throw new IOException("Blocking partition file " + dataFile + " is truncated");
                }
            }
            if (next >= regions.size()) {
                release();
            }
            return Buffer.wrap(bytes, r.size(), r.event() ? Buffer.Kind.EVENT : Buffer.Kind.DATA);
        }

        @Override
        public synchronized boolean isAvailable() {
            return in != null && next < regions.size();
        }

        @Override
        public synchronized void release() {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // Read-only handle; nothing was lost.
                }
                in = null;
            }
        }
    }
}
