package dev.spindle.runtime.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.buffer.Buffer;
import dev.spindle.runtime.shuffle.buffer.NetworkBufferPool;
import dev.spindle.runtime.shuffle.event.EventSerializer;
import dev.spindle.runtime.shuffle.io.RecordDeserializer;
import dev.spindle.runtime.shuffle.io.RecordWriter;
import dev.spindle.runtime.shuffle.partition.PartitionId;
import dev.spindle.runtime.shuffle.partition.PipelinedResultPartition;
import dev.spindle.runtime.shuffle.partition.SubpartitionView;
import dev.spindle.runtime.shuffle.partitioner.HashPartitioner;
import dev.spindle.runtime.shuffle.partitioner.KeyHashing;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Records go through a writer, a pipelined partition's buffers and a deserializer, unchanged and in order. */
class RecordSerializationTest {

    private static final int SEGMENT = 256;

    @Test
    void shouldRoundTripRecordsSpanningBuffers() throws Exception {
        List<String> records = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            int len = random.nextInt(10) == 0 ? 700 + random.nextInt(2000) : random.nextInt(40);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < len; c++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            records.add(sb.append("é").toString());
        }
        List<String> read = roundTrip(records, 1, -1).get(0);
        assertEquals(records, read);
    }

    @Test
    void shouldSendEqualKeysToTheSameSubpartition() throws Exception {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            records.add("key-" + (i % 37));
        }
        List<List<String>> bySub = roundTrip(records, 4, -1);
        for (int sub = 0; sub < 4; sub++) {
            for (String r : bySub.get(sub)) {
                assertEquals(sub, KeyHashing.subpartition(r, 4), r + " went to the wrong subpartition");
            }
        }
        assertEquals(500, bySub.stream().mapToInt(List::size).sum());
    }

    @Test
    void shouldFlushEveryRecordWithZeroTimeout() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(100, SEGMENT);
        PipelinedResultPartition partition = new PipelinedResultPartition(new PartitionId("a", 0), 1,
                global.createLocalPool(50));
        List<Buffer> seen = new ArrayList<>();
        SubpartitionView view = partition.createView(0, () -> { });
        RecordWriter<String> writer = new RecordWriter<>(partition, Serializers.forClass(String.class),
                new HashPartitioner<>(s -> s), 0);
        writer.emit("one");
        Buffer b = view.poll();
        assertTrue(b != null && b.size() > 0, "with timeout 0 a record is visible at once");
        seen.add(b);
        writer.emit("two");
        assertTrue(view.poll() != null);
        seen.forEach(Buffer::recycle);
    }

    private static List<List<String>> roundTrip(List<String> records, int subpartitions, long timeout) throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(10_000, SEGMENT);
        PipelinedResultPartition partition = new PipelinedResultPartition(new PartitionId("p", 0), subpartitions,
                global.createLocalPool(10_000));
        TypeSerializer<String> serializer = Serializers.forClass(String.class);
        RecordWriter<String> writer = new RecordWriter<>(partition, serializer, new HashPartitioner<>(s -> s), timeout);
        for (String r : records) {
            writer.emit(r);
        }
        partition.finish();
        List<List<String>> result = new ArrayList<>();
        for (int sub = 0; sub < subpartitions; sub++) {
            SubpartitionView view = partition.createView(sub, () -> { });
            RecordDeserializer<String> deserializer = new RecordDeserializer<>(serializer);
            List<String> out = new ArrayList<>();
            Buffer buffer;
            while ((buffer = view.poll()) != null) {
                if (buffer.isEvent()) {
                    assertTrue(EventSerializer.isEndOfPartition(buffer));
                    buffer.recycle();
                    continue;
                }
                deserializer.setNextBuffer(buffer);
                String r;
                while ((r = deserializer.next()) != null) {
                    out.add(r);
                }
            }
            assertTrue(!deserializer.hasPartialRecord());
            result.add(out);
        }
        return result;
    }
}
