package dev.spindle.runtime.operators.join;

import dev.spindle.runtime.memory.MemoryAllocationException;
import dev.spindle.runtime.memory.MemorySegment;
import dev.spindle.runtime.memory.MemoryOptions;
import dev.spindle.runtime.memory.SpillFiles;
import dev.spindle.runtime.operators.OperatorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The managed memory and spill files of one join operator: pages taken from the TaskManager's
 * memory manager under the task's owner, and the operator's spill file registry. {@link #release()}
 * gives back every page and deletes every file; operators call it from {@code dispose}, so it also
 * runs after failures. Task thread only.
 */
final class JoinMemory {

    private final OperatorContext context;
    private final List<MemorySegment> allocated = new ArrayList<>();
    private final SpillFiles files;
    private boolean released;

    JoinMemory(OperatorContext context) {
        this.context = context;
        this.files = new SpillFiles(context.tempDirectories(), "join");
    }

    /** The operator's share of managed memory, checked against what it needs at least. */
    int sharePages(int minPages) {
        int pages = context.managedMemoryPages();
        if (pages < minPages) {
            int pageSize = context.memoryManager().pageSize();
            throw new IllegalStateException(context.operatorName() + " needs at least " + minPages
                    + " pages of managed memory (" + ((long) minPages * pageSize >> 10) + " KiB), but its share is "
                    + pages + " pages; increase " + MemoryOptions.MANAGED_SIZE.key()
                    + " or lower the number of slots per TaskManager");
        }
        return pages;
    }

    /** Takes {@code n} pages, released with everything else by {@link #release()}. */
    PagePool pool(int n) throws MemoryAllocationException {
        List<MemorySegment> pages = context.memoryManager().allocatePages(context.memoryOwner(), n);
        allocated.addAll(pages);
        return new PagePool(pages);
    }

    SpillFiles files() {
        return files;
    }

    /** Deletes every spill file and gives back every page; idempotent, never throws. */
    void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            files.close();
        } finally {
            context.memoryManager().release(allocated);
            allocated.clear();
        }
    }
}
