package dev.spindle.runtime.operators.cross;

import dev.spindle.api.functions.CrossFunction;
import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.memory.PagedRecordBuffer;
import dev.spindle.runtime.memory.SpillingRecordBuffer;
import dev.spindle.runtime.operators.FunctionUtils;
import dev.spindle.runtime.operators.Operator;
import dev.spindle.runtime.operators.sort.OperatorSorters;
import dev.spindle.runtime.serialization.DataOutputSerializer;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.RecordIterator;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The cross product of input 0 (left) and input 1 (right). One input, the buffered side, is read
 * completely first ({@link #nextInput()} selects it; its plan edge must be blocking) into a
 * {@link SpillingRecordBuffer} in managed memory. Then the other, streamed side is read:
 * <ul>
 *   <li>if the buffered side fit into memory, each streamed record is paired with every buffered
 *       record at once;</li>
 *   <li>if it spilled, streamed records are gathered into a block of managed memory, and each full
 *       block is paired with one pass over the whole buffered side, memory part and spill file
 *       (block nested loops): the spill file is read once per block.</li>
 * </ul>
 * The function always gets (left, right) in that order, whichever side is buffered.
 *
 * <p>Memory: all of the operator's share, taken in {@link #open()}: a quarter (at least one page)
 * for the streamed block, one page for spill-file I/O, the rest for the buffered side. Given back
 * in {@link #dispose()}, which also deletes the spill file, after success or failure. Task thread
 * only.
 */
public final class CrossOperator<L, R, O> extends Operator<O> {

    private static final Logger LOG = LogManager.getLogger(CrossOperator.class);

    /** Fewest pages: one each for the buffered side, the streamed block and spill-file I/O. */
    public static final int MIN_PAGES = 3;

    private final CrossFunction<L, R, O> function;
    private final int bufferedInput;
    private final TypeSerializer<Object> bufferedSerializer;
    private final TypeSerializer<Object> streamedSerializer;
    private transient List<MemorySegment> pages;
    private transient SpillingRecordBuffer<Object> buffered;
    private transient PagedRecordBuffer<Object> block;
    private transient TypeSerializer<Object> blockWriter;
    private transient DataOutputSerializer scratch;
    private transient boolean bufferedEnded;
    private transient long blocks;

    /**
     * @param bufferedInput 0 to buffer the left input, 1 to buffer the right one
     * @param leftSerializer the left input's serializer
     * @param rightSerializer the right input's serializer
     */
    @SuppressWarnings("unchecked")
    public CrossOperator(CrossFunction<L, R, O> function, int bufferedInput, TypeSerializer<L> leftSerializer,
                         TypeSerializer<R> rightSerializer) {
        if (bufferedInput != 0 && bufferedInput != 1) {
            throw new IllegalArgumentException("The buffered input is 0 or 1, got " + bufferedInput);
        }
        this.function = function;
        this.bufferedInput = bufferedInput;
        TypeSerializer<?> left = leftSerializer;
        TypeSerializer<?> right = rightSerializer;
        this.bufferedSerializer = (TypeSerializer<Object>) (bufferedInput == 0 ? left : right);
        this.streamedSerializer = (TypeSerializer<Object>) (bufferedInput == 0 ? right : left);
    }

    @Override
    public void open() throws Exception {
        FunctionUtils.open(function, context);
        int n = context.managedMemoryPages();
        OperatorSorters.checkPages(context, n, MIN_PAGES);
        pages = context.memoryManager().allocatePages(context.memoryOwner(), n);
        int blockPages = Math.max(1, n / 4);
        buffered = new SpillingRecordBuffer<>(bufferedSerializer.duplicate(), pages.subList(0, n - blockPages - 1),
                pages.get(n - blockPages - 1), context.tempDirectories(), "cross");
        block = new PagedRecordBuffer<>(streamedSerializer.duplicate(), pages.subList(n - blockPages, n));
        blockWriter = streamedSerializer.duplicate();
        scratch = new DataOutputSerializer(256);
    }

    @Override
    public int nextInput() {
        return bufferedEnded ? ANY_INPUT : bufferedInput;
    }

    @Override
    public void processElement(int input, Object record) throws Exception {
        if (input == bufferedInput) {
            buffered.add(record);
        } else if (!buffered.isSpilled()) {
            pairWithBuffered(record);
        } else {
            addToBlock(record);
        }
    }

    @Override
    public void endInput(int input) throws Exception {
        if (input == bufferedInput) {
            buffered.finishWriting();
            bufferedEnded = true;
            if (buffered.isSpilled()) {
                LOG.info("{} ({}/{}): the buffered side spilled {} records ({} bytes); pairing in blocks",
                        context.operatorName(), context.getIndexOfThisSubtask() + 1,
                        context.getNumberOfParallelSubtasks(), buffered.spilledRecords(), buffered.spilledBytes());
            }
        } else if (!block.isEmpty()) {
            pairBlock();
        }
    }

    private void pairWithBuffered(Object streamedRecord) throws Exception {
        RecordIterator<Object> all = buffered.iterator();
        for (Object b = all.next(); b != null; b = all.next()) {
            emit(b, streamedRecord);
        }
    }

    private void addToBlock(Object record) throws Exception {
        scratch.clear();
        blockWriter.serialize(record, scratch);
        if (block.tryAdd(scratch.getBuffer(), scratch.length())) {
            return;
        }
        if (!block.isEmpty()) {
            pairBlock();
            if (block.tryAdd(scratch.getBuffer(), scratch.length())) {
                return;
            }
        }
        pairWithBuffered(record);
    }

    /** One pass over the buffered side for all records of the block. */
    private void pairBlock() throws Exception {
        blocks++;
        RecordIterator<Object> all = buffered.iterator();
        for (Object b = all.next(); b != null; b = all.next()) {
            RecordIterator<Object> streamed = block.iterator();
            for (Object s = streamed.next(); s != null; s = streamed.next()) {
                emit(b, s);
            }
        }
        block.clear();
    }

    @SuppressWarnings("unchecked")
    private void emit(Object bufferedRecord, Object streamedRecord) throws Exception {
        L left = (L) (bufferedInput == 0 ? bufferedRecord : streamedRecord);
        R right = (R) (bufferedInput == 0 ? streamedRecord : bufferedRecord);
        output.collect(function.cross(left, right));
    }

    @Override
    public void close() throws Exception {
        if (blocks > 0) {
            LOG.info("{} ({}/{}): read the spilled side {} times, once per block of the streamed side",
                    context.operatorName(), context.getIndexOfThisSubtask() + 1,
                    context.getNumberOfParallelSubtasks(), blocks);
        }
        FunctionUtils.close(function);
    }

    @Override
    public void dispose() {
        if (buffered != null) {
            buffered.close();
        }
        if (pages != null) {
            context.memoryManager().release(pages);
        }
    }
}
