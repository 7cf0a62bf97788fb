package dev.spindle.runtime.hash;

import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import java.io.IOException;

/**
 * The estimated heap bytes of a {@link HashAggregateTable}, so that its owner can keep it within a
 * share of managed memory. The table's own arrays count as the table reports them; each entry that
 * keeps a record counts twice the serialized size of the record that started it plus
 * {@link #ENTRY_OVERHEAD}, where the serialized size is the running average of a sample (the first
 * {@link #FULL_SAMPLE} entries, then one in {@link #SAMPLE_EVERY}), so that input that fits is
 * aggregated without serializing every new key. The estimate ignores aggregates that grow (a reduce
 * that concatenates). Single-threaded, as its table.
 */
public final class TableMemoryEstimate<T> {

    /** Estimated heap bytes of a table entry beyond twice its serialized size (boxes, headers). */
    private static final int ENTRY_OVERHEAD = 64;
    /** New entries whose record is serialized to learn the average size, before sampling thins out. */
    private static final int FULL_SAMPLE = 64;
    /** After the first {@link #FULL_SAMPLE} entries, one new entry in this many is sampled. */
    static final int SAMPLE_EVERY = 16;

    private final HashAggregateTable<T> table;
    /** Null when the records' size is unknown: then only the table's arrays count. */
    private final TypeSerializer<T> serializer;
    private final DataOutputSerializer scratch = new DataOutputSerializer(256);
    /** Estimated bytes of the records the table keeps. */
    private long recordBytes;
    private long newEntries;
    private long sampledEntries;
    private long sampledBytes;

    /** @param serializer the records' serializer (null: count only the table's arrays) */
    public TableMemoryEstimate(HashAggregateTable<T> table, TypeSerializer<T> serializer) {
        this.table = table;
        this.serializer = serializer == null ? null : serializer.duplicate();
    }

    /**
     * The table's estimated heap bytes once one more key is inserted: its arrays (which may grow)
     * and its records. Records count only while the table keeps them; a table that starts keeping
     * them (one giving up entries without records) counts the average estimate for each entry it has.
     */
    public long bytesAfterInsert() {
        long arrays = table.arrayBytesAfterInsert();
        if (!table.keepsRecords()) {
            return arrays;
        }
        if (recordBytes == 0 && table.size() > 0 && sampledEntries > 0) {
            recordBytes = table.size() * (ENTRY_OVERHEAD + 2L * sampledBytes / sampledEntries);
        }
        return arrays + recordBytes;
    }

    /**
     * Whether a non-empty table would outgrow {@code limitBytes} with one more entry of
     * {@code entryBytes} (from {@link #entryBytes}); an empty table always takes it.
     */
    public boolean outgrows(long entryBytes, long limitBytes) {
        return table.size() > 0 && bytesAfterInsert() + entryBytes > limitBytes;
    }

    /** The estimated bytes of the entry that {@code record} would start (0 if the table keeps no records). */
    public long entryBytes(T record) throws IOException {
        if (!table.keepsRecords() || serializer == null) {
            return 0;
        }
        if (newEntries < FULL_SAMPLE || newEntries % SAMPLE_EVERY == 0) {
            scratch.clear();
            serializer.serialize(record, scratch);
            sampledEntries++;
            sampledBytes += scratch.length();
        }
        newEntries++;
        return ENTRY_OVERHEAD + 2L * sampledBytes / sampledEntries;
    }

    /** Counts an entry of {@code bytes} (from {@link #entryBytes}) that was inserted. */
    public void inserted(long bytes) {
        recordBytes += bytes;
    }

    /** The table was emptied. */
    public void emptied() {
        recordBytes = 0;
    }
}
