package dev.spindle.runtime.operators.join;

import dev.spindle.runtime.memory.MemorySegment;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;

/**
 * The fixed set of managed-memory pages one join (or one solution set of a delta iteration) works
 * in. Its structures take pages and give them back as they fill and drain; the pool never grows, so
 * its owner never holds more than it was given. The owner allocated the pages and releases all of
 * them when it ends. One thread at a time.
 */
public final class PagePool {

    private final ArrayDeque<MemorySegment> free;
    private final int total;
    private final int pageSize;

    public PagePool(List<MemorySegment> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("A page pool needs pages");
        }
        this.free = new ArrayDeque<>(pages);
        this.total = pages.size();
        this.pageSize = pages.get(0).size();
    }

    /** A free page, or {@code null} if all are in use. */
    MemorySegment take() {
        return free.poll();
    }

    /** A free page the caller made sure exists. */
    MemorySegment takeReserved() {
        MemorySegment page = free.poll();
        if (page == null) {
            throw new IllegalStateException("The page pool ran out where pages were reserved (" + total + " pages)");
        }
        return page;
    }

    void give(MemorySegment page) {
        free.push(page);
    }

    void giveAll(Collection<MemorySegment> pages) {
        for (MemorySegment page : pages) {
            free.push(page);
        }
    }

    public int free() {
        return free.size();
    }

    public int total() {
        return total;
    }

    public int pageSize() {
        return pageSize;
    }

    /** Pages needed to hold {@code bytes}. */
    public int pagesFor(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + pageSize - 1) / pageSize);
    }
}
