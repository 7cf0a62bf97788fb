package dev.spindle.runtime.task;

import dev.spindle.runtime.jobgraph.JobEdge;
import dev.spindle.runtime.plan.ExchangeMode;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.shuffle.buffer.LocalBufferPool;
import dev.spindle.runtime.shuffle.input.InputChannel;
import dev.spindle.runtime.shuffle.input.InputGate;
import dev.spindle.runtime.shuffle.input.LocalInputChannel;
import dev.spindle.runtime.shuffle.input.RemoteInputChannel;
import dev.spindle.runtime.shuffle.io.RecordDeserializer;
import dev.spindle.runtime.shuffle.io.RecordWriter;
import dev.spindle.runtime.shuffle.partition.BlockingResultPartition;
import dev.spindle.runtime.shuffle.partition.PartitionId;
import dev.spindle.runtime.shuffle.partition.PipelinedResultPartition;
import dev.spindle.runtime.shuffle.partition.ResultPartition;
import dev.spindle.runtime.shuffle.partitioner.Partitioner;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's connections to the shuffle: its result partitions with their record writers, and its
 * input gate with one record deserializer per channel. Built and used by the task thread.
 */
final class TaskIO {

    private final TaskDeploymentDescriptor tdd;
    private final TaskEnvironment env;
    private final List<ResultPartition> partitions = new ArrayList<>();
    private final RecordWriter<?>[] writers;
    private final InputGate gate;
    private final RecordDeserializer<?>[] deserializers;
    private final int[] channelsPerInput;
    private final String[] broadcastNames;
    private final TypeSerializer<?>[] inputSerializers;
    long recordsIn;
    long bytesIn;

    TaskIO(TaskDeploymentDescriptor tdd, TaskSpec spec, TaskEnvironment env, TaskMailbox mailbox) throws IOException {
        this.tdd = tdd;
        this.env = env;
        this.writers = new RecordWriter<?>[tdd.outputs().size()];
        for (TaskDeploymentDescriptor.OutputDescriptor out : tdd.outputs()) {
            JobEdge edge = spec.outputEdges().get(out.outputIndex());
            writers[out.outputIndex()] = createWriter(out, edge, spec.vertex().bufferTimeoutMillis());
        }
        this.gate = new InputGate(mailbox::signalInput);
        List<RecordDeserializer<?>> deser = new ArrayList<>();
        int maxInput = -1;
        for (TaskDeploymentDescriptor.InputDescriptor in : tdd.inputs()) {
            maxInput = Math.max(maxInput, in.inputIndex());
        }
        this.channelsPerInput = new int[maxInput + 1];
        this.broadcastNames = new String[maxInput + 1];
        this.inputSerializers = new TypeSerializer<?>[maxInput + 1];
        for (int e = 0; e < tdd.inputs().size(); e++) {
            TaskDeploymentDescriptor.InputDescriptor in = tdd.inputs().get(e);
            JobEdge edge = spec.inputEdges().get(e);
            TypeSerializer<?> serializer = edge.serializer();
            broadcastNames[in.inputIndex()] = edge.broadcastName();
            inputSerializers[in.inputIndex()] = serializer;
            for (TaskDeploymentDescriptor.ChannelDescriptor cd : in.channels()) {
                gate.addChannel(createChannel(gate.numChannels(), in.inputIndex(), cd));
                deser.add(new RecordDeserializer<>(serializer.duplicate()));
                channelsPerInput[in.inputIndex()]++;
            }
        }
        this.deserializers = deser.toArray(new RecordDeserializer<?>[0]);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private RecordWriter<?> createWriter(TaskDeploymentDescriptor.OutputDescriptor out, JobEdge edge, long timeout)
            throws IOException {
        PartitionId id = new PartitionId(tdd.attemptId(), out.outputIndex());
        ResultPartition partition;
        if (out.mode() == ExchangeMode.BLOCKING) {
            LocalBufferPool pool = env.networkBufferPool().createLocalPool(Math.min(out.numSubpartitions() + 1, 64));
            File dir = new File(env.tempDirectories()[out.outputIndex() % env.tempDirectories().length], "blocking-results");
            partition = new BlockingResultPartition(id, out.numSubpartitions(), pool, dir.toPath());
        } else {
            int max = out.numSubpartitions() * env.buffersPerOutputChannel() + 1;
            partition = new PipelinedResultPartition(id, out.numSubpartitions(), env.networkBufferPool().createLocalPool(max));
        }
        partitions.add(partition);
        env.partitionManager().register(tdd.jobId(), partition);
        Partitioner<?> partitioner = edge.partitioner().copy();
        return new RecordWriter(partition, edge.serializer().duplicate(), partitioner, timeout);
    }

    private InputChannel createChannel(int index, int inputIndex, TaskDeploymentDescriptor.ChannelDescriptor cd) {
        if (cd.producerTaskManagerId().equals(env.taskManagerId())) {
            return new LocalInputChannel(gate, index, inputIndex, cd.partitionId(), cd.subpartition(),
                    env.partitionManager(), env.partitionRequestTimeoutMillis());
        }
        return new RemoteInputChannel(gate, index, inputIndex, cd.partitionId(), cd.subpartition(),
                env.shuffleClient(), new InetSocketAddress(cd.host(), cd.dataPort()), env.networkBufferPool(),
                env.creditsPerInputChannel(), env.partitionRequestTimeoutMillis());
    }

    RecordWriter<?>[] writers() {
        return writers;
    }

    InputGate gate() {
        return gate;
    }

    RecordDeserializer<?> deserializer(int channel) {
        return deserializers[channel];
    }

    /** Number of channels feeding each logical input of the head operator (broadcast sets included). */
    int[] channelsPerInput() {
        return channelsPerInput;
    }

    /** The broadcast set an input carries, or null for an input of the head operator. */
    String broadcastName(int input) {
        return broadcastNames[input];
    }

    /** The serializer of the records of logical input {@code input}. */
    TypeSerializer<?> inputSerializer(int input) {
        return inputSerializers[input];
    }

    void requestInputs() throws IOException, InterruptedException {
        gate.requestPartitions();
    }

    boolean hasUnflushedOutput() {
        for (RecordWriter<?> w : writers) {
            if (w.hasUnflushedData()) {
                return true;
            }
        }
        return false;
    }

    void flushOutputs() throws IOException {
        for (RecordWriter<?> w : writers) {
            w.flushAll();
        }
    }

    void finishOutputs() throws IOException {
        for (ResultPartition p : partitions) {
            p.finish();
        }
    }

    void releaseInputs() {
        for (RecordDeserializer<?> d : deserializers) {
            d.clear();
        }
        gate.release();
    }

    void releaseOutputs() {
        for (ResultPartition p : partitions) {
            env.partitionManager().release(p.id());
        }
    }

    TaskMetrics metrics(long durationMillis) {
        long recordsOut = 0;
        long bytesOut = 0;
        for (RecordWriter<?> w : writers) {
            recordsOut += w.recordsOut();
            bytesOut += w.bytesOut();
        }
        return new TaskMetrics(recordsIn, bytesIn, recordsOut, bytesOut, durationMillis);
    }
}
