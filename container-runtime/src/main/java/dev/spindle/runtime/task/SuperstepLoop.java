package dev.spindle.runtime.task;

import dev.spindle.runtime.iteration.EndOfSuperstepEvent;
import dev.spindle.runtime.iteration.FeedbackTailOperator;
import dev.spindle.runtime.iteration.IterationAggregators;
import dev.spindle.runtime.iteration.IterationBroker;
import dev.spindle.runtime.iteration.IterationVertex;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.memory.SpillingRecordBuffer;
import dev.spindle.runtime.operators.KeyHashFilter;
import dev.spindle.runtime.operators.Operator;
import dev.spindle.runtime.shuffle.buffer.Buffer;
import dev.spindle.runtime.shuffle.event.EndOfPartitionEvent;
import dev.spindle.runtime.shuffle.event.EventSerializer;
import dev.spindle.runtime.shuffle.event.RuntimeEvent;
import dev.spindle.runtime.shuffle.input.InputChannel;
import dev.spindle.runtime.shuffle.input.InputGate;
import dev.spindle.runtime.shuffle.io.RecordWriter;
import dev.spindle.runtime.sort.RecordIterator;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The life of a task inside an iteration's loop: for every superstep it creates its operators
 * anew, feeds them the superstep's records, closes them, hands its aggregator values and its
 * tails' counts to its subtask's meeting point, and sends the end-of-superstep marker on every
 * output; when the loop's inputs end instead of starting another superstep, the iteration is over.
 *
 * <p>Inputs from outside the loop (static inputs) are read once, in the first superstep, into a
 * cache in managed memory that spills to disk, and replayed from there in later supersteps; when
 * the chain's head can rule records out by key hash (the probe side of an inner hash join), the
 * cache keeps each record's hash and the replay skips what the head rules out unread
 * ({@link ReplaySkipping}). Inputs from inside the loop (dynamic inputs) carry one superstep at a
 * time, each closed by the marker on every channel. While the operator waits for one input, buffers
 * that arrive on the others are set aside (dammed), so that a producer feeding several of this
 * task's inputs never waits for it: the loop's edges are all pipelined and may not rely on
 * backpressure to order inputs. Task thread only.
 */
final class SuperstepLoop {

    private static final Logger LOG = LogManager.getLogger(SuperstepLoop.class);
    private static final long HEAD_START_TIMEOUT_MILLIS = 60_000;

    private final JobVertex vertex;
    private final TaskIO io;
    private final TaskLoop loop;
    private final TaskMailbox mailbox;
    private final TaskResources resources;
    private final IterationBroker broker;
    private final IterationVertex iteration;
    private final int numInputs;
    private final boolean[] dynamic;
    private final boolean[] isStatic;
    private final int[] channelsPerInput;
    private final SpillingRecordBuffer<Object>[] caches;
    private final boolean[] cached;
    private final int[] openStaticChannels;
    private final List<ArrayDeque<Dammed>> dams = new ArrayList<>();
    private boolean cachesCreated;
    private int endedDynamicChannels;
    private int dynamicChannels;

    private record Dammed(InputChannel channel, Buffer buffer) {
    }

    @SuppressWarnings("unchecked")
    SuperstepLoop(JobVertex vertex, TaskIO io, TaskLoop loop, TaskMailbox mailbox, TaskResources resources,
                  IterationBroker broker) {
        this.vertex = vertex;
        this.io = io;
        this.loop = loop;
        this.mailbox = mailbox;
        this.resources = resources;
        this.broker = broker;
        this.iteration = vertex.iteration();
        this.channelsPerInput = io.channelsPerInput();
        this.numInputs = channelsPerInput.length;
        this.dynamic = new boolean[numInputs];
        this.isStatic = new boolean[numInputs];
        this.caches = new SpillingRecordBuffer[numInputs];
        this.cached = new boolean[numInputs];
        this.openStaticChannels = new int[numInputs];
        for (int input = 0; input < numInputs; input++) {
            dams.add(new ArrayDeque<>());
            if (io.broadcastName(input) != null || channelsPerInput[input] == 0) {
                continue;
            }
            if (iteration.staticInputs().contains(input)) {
                isStatic[input] = true;
                openStaticChannels[input] = channelsPerInput[input];
            } else {
                dynamic[input] = true;
                dynamicChannels += channelsPerInput[input];
            }
        }
        resources.iterationAggregators = new IterationAggregators(iteration.spec(), resources.classLoader);
    }

    void run() throws Exception {
        try {
            int superstep = -1;
            while (awaitSuperstep()) {
                if (resources.iteration == null) {
                    resources.iteration = broker.lookup(resources.tdd.jobId(), iteration.spec().id(),
                            resources.tdd.subtaskIndex(), HEAD_START_TIMEOUT_MILLIS);
                    superstep = resources.iteration.firstSuperstep();
                }
                runSuperstep(superstep++);
            }
        } finally {
            for (SpillingRecordBuffer<Object> cache : caches) {
                if (cache != null) {
                    cache.close();
                }
            }
        }
    }

    /**
     * Takes the memory of the static inputs' caches, in the first superstep. A cache keeps the key
     * hash with every record when the chain's head can rule records out by it ({@link KeyHashFilter}).
     */
    private void createCaches(OperatorChain chain) throws Exception {
        int staticInputs = 0;
        for (boolean s : isStatic) {
            staticInputs += s ? 1 : 0;
        }
        if (staticInputs == 0) {
            return;
        }
        int share = Math.max(2, resources.managedMemoryPages(iteration.cacheMemoryFraction()) / staticInputs);
        for (int input = 0; input < numInputs; input++) {
            if (isStatic[input]) {
                List<MemorySegment> pages = resources.memoryManager.allocatePages(resources, share);
                boolean tagged = head(chain) instanceof KeyHashFilter filter && filter.filtersInput(input);
                caches[input] = new SpillingRecordBuffer<>(cast(io.inputSerializer(input).duplicate()),
                        pages.subList(1, pages.size()), pages.get(0), resources.tempDirectories, "iteration-input",
                        tagged);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    /**
     * Waits for the next superstep's first buffer on a dynamic input (set aside for the superstep)
     * or for the end of every dynamic input; returns false at the end.
     */
    private boolean awaitSuperstep() throws Exception {
        while (endedDynamicChannels < dynamicChannels) {
            loop.betweenWork();
            for (int input = 0; input < numInputs; input++) {
                if (dynamic[input] && !dams.get(input).isEmpty()) {
                    return true;
                }
            }
            InputGate.BufferAndChannel next = pollDynamic();
            if (next == null) {
                mailbox.await(-1);
                continue;
            }
            if (EventSerializer.isEndOfPartition(next.buffer())) {
                next.buffer().recycle();
                loop.checkNoPartialRecord(next.channel().channelIndex());
                endedDynamicChannels++;
                continue;
            }
            if (endedDynamicChannels > 0) {
                throw new IllegalStateException("Iteration '" + iteration.spec().name() + "': some inputs of "
                        + vertex.name() + " ended while others started another superstep");
            }
            dams.get(next.channel().inputIndex()).addFirst(new Dammed(next.channel(), copy(next.buffer())));
            return true;
        }
        return false;
    }

    private InputGate.BufferAndChannel pollDynamic() throws IOException {
        for (int input = 0; input < numInputs; input++) {
            if (dynamic[input]) {
                InputGate.BufferAndChannel next = io.gate().pollNext(input);
                if (next != null) {
                    return next;
                }
            }
        }
        return null;
    }

    private void runSuperstep(int superstep) throws Exception {
        OperatorChain chain = new OperatorChain(vertex.chain(), io.writers(), resources);
        try {
            loop.useChain(chain);
            if (!cachesCreated) {
                createCaches(chain);
                cachesCreated = true;
            }
            resources.iteration.awaitSuperstep(superstep);
            chain.open();
            feedInputs(chain);
            chain.endChainAndClose();
            resources.iteration.mergeAggregates(resources.iterationAggregators.takeValues());
            for (RecordWriter<?> writer : io.writers()) {
                writer.broadcastEvent(new EndOfSuperstepEvent(superstep));
            }
            for (Operator<?> op : chain.operators()) {
                if (op instanceof FeedbackTailOperator tail) {
                    resources.iteration.tailDone(tail.kind(), tail.records());
                }
            }
        } finally {
            loop.useChain(null);
            chain.dispose();
        }
    }

    /** Feeds one superstep's records to the chain's head in the order it selects, until all its inputs ended. */
    private void feedInputs(OperatorChain chain) throws Exception {
        int[] openChannels = new int[numInputs];
        int openInputs = 0;
        for (int input = 0; input < numInputs; input++) {
            if (dynamic[input] || isStatic[input]) {
                openChannels[input] = isStatic[input] && !cached[input] ? openStaticChannels[input]
                        : channelsPerInput[input];
                openInputs++;
            }
        }
        while (openInputs > 0) {
            loop.betweenWork();
            int selected = loop.checkedSelection(openChannels);
            if (selected == Operator.ANY_INPUT) {
                selected = firstOpenStatic(openChannels);
            }
            if (selected != Operator.ANY_INPUT && isStatic[selected] && cached[selected]) {
                replay(chain, selected);
                openChannels[selected] = 0;
                openInputs--;
                continue;
            }
            Dammed next = take(selected);
            if (next == null) {
                damOthers(selected);
                mailbox.await(loop.waitNanos());
                continue;
            }
            if (consume(chain, next, openChannels)) {
                openInputs--;
            }
        }
    }

    private int firstOpenStatic(int[] openChannels) {
        for (int input = 0; input < numInputs; input++) {
            if (isStatic[input] && openChannels[input] > 0) {
                return input;
            }
        }
        return Operator.ANY_INPUT;
    }

    private void replay(OperatorChain chain, int input) throws Exception {
        SpillingRecordBuffer<Object> cache = caches[input];
        ReplaySkipping skipping = cache.isTagged() ? new ReplaySkipping((KeyHashFilter) head(chain), input) : null;
        RecordIterator<Object> records = skipping == null ? cache.iterator() : cache.iterator(skipping);
        Object record;
        while ((record = records.next()) != null) {
            chain.processHead(input, record);
            loop.recordDone();
        }
        if (skipping != null) {
            LOG.debug("{}: skipped {} of the {} cached records of input {} by key hash", vertex.name(),
                    skipping.skipped(), cache.inMemoryRecords() + cache.spilledRecords(), input);
        }
        chain.endHeadInput(input);
    }

    private static Operator<?> head(OperatorChain chain) {
        return chain.operators().get(0);
    }

    /** The next buffer of {@code input} (or of any input): set-aside ones first, then the gate's. */
    private Dammed take(int input) throws IOException {
        for (int i = 0; i < numInputs; i++) {
            if ((input == Operator.ANY_INPUT || i == input) && !dams.get(i).isEmpty()) {
                return dams.get(i).poll();
            }
        }
        InputGate.BufferAndChannel next = io.gate().pollNext(input);
        return next == null ? null : new Dammed(next.channel(), next.buffer());
    }

    /** Sets aside whatever the dynamic inputs other than {@code selected} hold now. */
    private void damOthers(int selected) throws IOException {
        if (selected == Operator.ANY_INPUT) {
            return;
        }
        for (int input = 0; input < numInputs; input++) {
            if (input != selected && dynamic[input]) {
                InputGate.BufferAndChannel next;
                while ((next = io.gate().pollNext(input)) != null) {
                    dams.get(input).add(new Dammed(next.channel(), copy(next.buffer())));
                }
            }
        }
    }

    private static Buffer copy(Buffer buffer) {
        byte[] bytes = Arrays.copyOf(buffer.segment(), buffer.size());
        Buffer copy = Buffer.wrap(bytes, bytes.length, buffer.kind());
        buffer.recycle();
        return copy;
    }

    /** Processes one buffer; returns true if it ended its input for this superstep. */
    private boolean consume(OperatorChain chain, Dammed next, int[] openChannels) throws Exception {
        int input = next.channel().inputIndex();
        int channel = next.channel().channelIndex();
        Buffer buffer = next.buffer();
        if (!buffer.isEvent()) {
            io.bytesIn += buffer.size();
            if (isStatic[input]) {
                SpillingRecordBuffer<Object> cache = caches[input];
                KeyHashFilter filter = cache.isTagged() ? (KeyHashFilter) head(chain) : null;
                loop.processBuffer(record -> {
                    if (filter == null) {
                        cache.add(record);
                    } else {
                        cache.add(record, filter.keyHash(input, record));
                    }
                    chain.processHead(input, record);
                }, channel, buffer);
            } else {
                loop.processBuffer(record -> chain.processHead(input, record), channel, buffer);
            }
            return false;
        }
        RuntimeEvent event = EventSerializer.fromBuffer(buffer, resources.classLoader);
        buffer.recycle();
        loop.checkNoPartialRecord(channel);
        boolean endsInput = isStatic[input] ? event instanceof EndOfPartitionEvent
                : event instanceof EndOfSuperstepEvent;
        if (!endsInput) {
            throw new IllegalStateException("Iteration '" + iteration.spec().name() + "': unexpected " + event
                    + " on input " + input + " of " + vertex.name() + " in the middle of a superstep");
        }
        if (isStatic[input]) {
            openStaticChannels[input]--;
        }
        if (--openChannels[input] > 0) {
            return false;
        }
        if (isStatic[input]) {
            SpillingRecordBuffer<Object> cache = caches[input];
            cache.finishWriting();
            cached[input] = true;
            LOG.info("{}: cached loop-invariant input {}: {} records in managed memory, {} spilled ({} MB)",
                    vertex.name(), input, cache.inMemoryRecords(), cache.spilledRecords(),
                    cache.spilledBytes() >> 20);
        }
        chain.endHeadInput(input);
        return true;
    }
}
