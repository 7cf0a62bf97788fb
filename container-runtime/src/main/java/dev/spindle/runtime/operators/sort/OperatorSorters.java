package dev.spindle.runtime.operators.sort;

import dev.spindle.runtime.memory.MemoryAllocationException;
import dev.spindle.runtime.memory.MemoryOptions;
import dev.spindle.runtime.operators.OperatorContext;
import dev.spindle.runtime.serialization.TypeSerializer;
import dev.spindle.runtime.sort.ExternalSorter;
import dev.spindle.runtime.sort.SortKey;
import dev.spindle.runtime.sort.SortOptions;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Creates the {@link ExternalSorter}s of sorting operators from their task's managed memory and
 * spill directories, and reports what a sorter did when its operator is done with it.
 */
public final class OperatorSorters {

    private static final Logger LOG = LogManager.getLogger(OperatorSorters.class);

    private OperatorSorters() {
    }

    /** A sorter over {@code pages} of the operator's managed memory (at least {@link ExternalSorter#MIN_PAGES}). */
    public static <T, K> ExternalSorter<T, K> create(OperatorContext context, TypeSerializer<T> serializer,
                                                     SortKey<T, K> sortKey, int pages)
            throws MemoryAllocationException {
        checkPages(context, pages, ExternalSorter.MIN_PAGES);
        return ExternalSorter.builder(serializer, sortKey)
                .memory(context.memoryManager(), context.memoryOwner(), pages)
                .tempDirectories(context.tempDirectories())
                .maxFanIn(context.jobConfiguration().get(SortOptions.MAX_FAN_IN))
                .build();
    }

    /** Fails with a message that says what to change if {@code pages} is less than {@code needed}. */
    public static void checkPages(OperatorContext context, int pages, int needed) {
        if (pages < needed) {
            throw new IllegalStateException(context.operatorName() + " needs at least " + needed
                    + " pages of managed memory but its share is " + pages + "; increase "
                    + MemoryOptions.MANAGED_SIZE.key() + " or lower the number of slots per TaskManager");
        }
    }

    /** Logs what the sorter did (at INFO if it spilled) and closes it; null is ignored. */
    public static void close(OperatorContext context, ExternalSorter<?, ?> sorter) {
        if (sorter == null) {
            return;
        }
        if (sorter.state() != ExternalSorter.State.CLOSED) {
            if (sorter.spilledRuns() > 0) {
                LOG.info("{} ({}/{}): sorted {} records, spilled {} runs ({} bytes), {} merge passes",
                        context.operatorName(), context.getIndexOfThisSubtask() + 1,
                        context.getNumberOfParallelSubtasks(), sorter.records(), sorter.spilledRuns(),
                        sorter.spilledBytes(), sorter.mergePasses());
            } else {
                LOG.debug("{}: sorted {} records in memory", context.operatorName(), sorter.records());
            }
        }
        sorter.close();
    }
}
