package dev.spindle.runtime.operators.batch;

import dev.spindle.api.functions.MapPartitionFunction;
import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.memory.SpillingRecordBuffer;
import dev.spindle.runtime.operators.UdfOperator;
import dev.spindle.runtime.operators.sort.OperatorSorters;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.RecordIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Hands all records of the partition to the function at once, when the input ends. Until then the
 * records are kept serialized in the operator's managed memory and, beyond it, in one spill file, so
 * a partition may be larger than memory. The function's iterable may be gone through more than once,
 * but with one iterator at a time. Task thread only; {@link #dispose()} gives the memory back and
 * deletes the spill file, also after a failure.
 */
public final class MapPartitionOperator<IN, OUT> extends UdfOperator<MapPartitionFunction<IN, OUT>, IN, OUT> {

    private static final int MIN_PAGES = 2;

    private final TypeSerializer<IN> serializer;
    private transient List<MemorySegment> pages;
    private transient SpillingRecordBuffer<IN> records;

    public MapPartitionOperator(MapPartitionFunction<IN, OUT> function, TypeSerializer<IN> serializer) {
        super(function);
        this.serializer = serializer;
    }

    @Override
    public void open() throws Exception {
        super.open();
        int n = context.managedMemoryPages();
        OperatorSorters.checkPages(context, n, MIN_PAGES);
        pages = context.memoryManager().allocatePages(context.memoryOwner(), n);
        records = new SpillingRecordBuffer<>(serializer.duplicate(), pages.subList(0, n - 1), pages.get(n - 1),
                context.tempDirectories(), "map-partition");
    }

    @Override
    public void process(IN record) throws IOException {
        records.add(record);
    }

    @Override
    public void endInput(int input) throws Exception {
        records.finishWriting();
        function.mapPartition(() -> new BufferIterator<>(records.iterator()), output);
    }

    @Override
    public void dispose() {
        if (records != null) {
            records.close();
            records = null;
        }
        if (pages != null) {
            context.memoryManager().release(pages);
            pages = null;
        }
    }

    /** A {@link RecordIterator} as a plain iterator; I/O errors of the spill file become unchecked. */
    private static final class BufferIterator<T> implements Iterator<T> {
        private final RecordIterator<T> records;
        private T next;

        BufferIterator(RecordIterator<T> records) {
            this.records = records;
            advance();
        }

        private void advance() {
            try {
                next = records.next();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the partition's spill file", e);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public T next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            T current = next;
            advance();
            return current;
        }
    }
}
