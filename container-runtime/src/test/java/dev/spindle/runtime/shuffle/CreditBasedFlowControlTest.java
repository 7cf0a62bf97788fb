package dev.spindle.runtime.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.serialization.Serializers;
import dev.spindle.runtime.shuffle.buffer.Buffer;
import dev.spindle.runtime.shuffle.buffer.NetworkBufferPool;
import dev.spindle.runtime.shuffle.event.EventSerializer;
import dev.spindle.runtime.shuffle.input.InputGate;
import dev.spindle.runtime.shuffle.input.RemoteInputChannel;
import dev.spindle.runtime.shuffle.io.RecordWriter;
import dev.spindle.runtime.shuffle.netty.ShuffleClient;
import dev.spindle.runtime.shuffle.netty.ShuffleServer;
import dev.spindle.runtime.shuffle.partition.PartitionId;
import dev.spindle.runtime.shuffle.partition.PipelinedResultPartition;
import dev.spindle.runtime.shuffle.partition.ResultPartitionManager;
import dev.spindle.runtime.shuffle.partitioner.ForwardPartitioner;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real Netty connection between a producer partition and a remote input channel. */
class CreditBasedFlowControlTest {

    private static final int SEGMENT = 1024;

    private final NioEventLoopGroup group = new NioEventLoopGroup(2);
    private final ResultPartitionManager partitions = new ResultPartitionManager();
    private ShuffleServer server;
    private ShuffleClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        group.shutdownGracefully().awaitUninterruptibly();
    }

    @Test
    void shouldSendNoMoreBuffersThanTheConsumerGrantedCredits() throws Exception {
        server = new ShuffleServer("127.0.0.1", 0, group, partitions);
        client = new ShuffleClient(group, 5000);
        NetworkBufferPool producerPool = new NetworkBufferPool(100, SEGMENT);
        PartitionId id = new PartitionId("producer", 0);
        PipelinedResultPartition partition = new PipelinedResultPartition(id, 1, producerPool.createLocalPool(50));
        partitions.register("job", partition);
        RecordWriter<String> writer = new RecordWriter<>(partition, Serializers.forClass(String.class),
                new ForwardPartitioner<>(), -1);
        String record = "x".repeat(200);
        for (int i = 0; i < 100; i++) {
            writer.emit(record);
        }
        partition.finish();

        NetworkBufferPool consumerPool = new NetworkBufferPool(10, SEGMENT);
        AtomicInteger notifications = new AtomicInteger();
        InputGate gate = new InputGate(notifications::incrementAndGet);
        RemoteInputChannel channel = new RemoteInputChannel(gate, 0, 0, id, 0, client,
                new InetSocketAddress("127.0.0.1", server.port()), consumerPool, 2, 5000);
        gate.addChannel(channel);
        gate.requestPartitions();

        Thread.sleep(500);
        assertEquals(8, consumerPool.availableSegments(), "the channel holds exactly its two credit buffers");
        List<Buffer> held = new ArrayList<>();
        held.add(pollBlocking(gate));
        held.add(pollBlocking(gate));
        Thread.sleep(300);
        assertEquals(null, gate.pollNext(), "with both buffers held and no credit left, nothing more arrives");
        assertTrue(partition.bytesOut() > 4 * SEGMENT, "the producer has much more queued");

        held.get(0).recycle();
        Buffer third = pollBlocking(gate);
        assertNotNull(third, "returning a buffer returns a credit, and one more buffer comes");
        third.recycle();

        held.get(1).recycle();
        assertTrue(drainBuffers(gate) > 0, "the rest arrives as buffers are returned");
        channel.release();
        assertEquals(10, consumerPool.availableSegments(), "all credit buffers returned after release");
    }

    /** Reads and returns buffers until the end of the partition; counts the data buffers. */
    private static int drainBuffers(InputGate gate) throws Exception {
        int buffers = 0;
        while (true) {
            Buffer b = pollBlocking(gate);
            boolean end = EventSerializer.isEndOfPartition(b);
            b.recycle();
            if (end) {
                return buffers;
            }
            buffers++;
        }
    }

    private static Buffer pollBlocking(InputGate gate) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            InputGate.BufferAndChannel next = gate.pollNext();
            if (next != null) {
                return next.buffer();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no buffer arrived within 5 s");
    }
}
