package dev.spindle.runtime.sort;

import dev.spindle.runtime.memory.SpillFileWriter;
import java.io.IOException;
import java.util.List;

/**
 * Merges sorted runs: a binary min-heap of {@link RunReader}s ordered by their current records
 * (normalized key first, the full key when prefixes tie without deciding). Either hands out
 * deserialized records ({@link #next()}) or copies serialized records into another run
 * ({@link #copyNextTo}) without deserializing those a prefix decides. Used by the merging thread.
 */
final class MergeIterator<T, K> implements RecordIterator<T> {

    private final SortKey<T, K> sortKey;
    private final RunReader<T, K>[] heap;
    private int size;

    @SuppressWarnings("unchecked")
    MergeIterator(List<RunReader<T, K>> readers, SortKey<T, K> sortKey) throws IOException {
        this.sortKey = sortKey;
        this.heap = new RunReader[readers.size()];
        for (RunReader<T, K> reader : readers) {
            if (reader.advance()) {
                heap[size++] = reader;
            }
        }
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    @Override
    public T next() throws IOException {
        if (size == 0) {
            return null;
        }
        T record = heap[0].record();
        advanceTop();
        return record;
    }

    /** Copies the smallest record to {@code out}; false when all runs are exhausted. */
    boolean copyNextTo(SpillFileWriter out) throws IOException {
        if (size == 0) {
            return false;
        }
        heap[0].copyTo(out);
        advanceTop();
        return true;
    }

    private void advanceTop() throws IOException {
        if (!heap[0].advance()) {
            heap[0] = heap[--size];
            heap[size] = null;
        }
        if (size > 0) {
            siftDown(0);
        }
    }

    private void siftDown(int node) throws IOException {
        RunReader<T, K> moving = heap[node];
        while (true) {
            int child = 2 * node + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && compare(heap[child + 1], heap[child]) < 0) {
                child++;
            }
            if (compare(moving, heap[child]) <= 0) {
                break;
            }
            heap[node] = heap[child];
            node = child;
        }
        heap[node] = moving;
    }

    private int compare(RunReader<T, K> a, RunReader<T, K> b) throws IOException {
        long pa = a.prefix();
        int c = Long.compareUnsigned(pa, b.prefix());
        if (c != 0 || sortKey.isDecisive(pa)) {
            return c;
        }
        return sortKey.compare(a.key(), b.key());
    }
}
