package dev.spindle.runtime.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The managed memory of one TaskManager: a budget of fixed-size pages ({@link MemorySegment}s) that
 * sorting, hash joins and hash aggregation take their working memory from, so that together they
 * never hold more than the budget and spill the rest to disk. Each slot's share is
 * {@link #pagesPerSlot()}; operators of a task ask for (a part of) that share.
 *
 * <p>Pages are allocated lazily, on first request, and pooled after release, so a TaskManager that
 * runs no batch operators never allocates the budget. Every page is registered under an owner (for
 * example the task's execution attempt id): {@link #releaseAll(Object)} frees whatever an owner
 * still holds when its task ends, also when it failed.
 *
 * <p>Structures that keep their data as Java objects (a hash table of aggregates) cannot live in
 * pages; they {@link #reservePages reserve} pages instead: reserved pages are counted against the
 * budget like allocated ones but no memory is handed out, and the structure keeps its estimated
 * heap use within them.
 *
 * <p>Lifecycle: created by the TaskManager, shared by all its task threads (every method is
 * thread-safe), {@link #shutdown()} when the TaskManager stops; afterwards allocation fails.
 */
public final class MemoryManager {

    private final int pageSize;
    private final int totalPages;
    private final int numSlots;
    private final ArrayDeque<byte[]> pool = new ArrayDeque<>();
    private final Map<Object, Set<MemorySegment>> pagesByOwner = new HashMap<>();
    private final Map<Object, Integer> reservationsByOwner = new HashMap<>();
    private int allocatedPages;
    private int reservedPages;
    private boolean shutDown;

    /**
     * @param totalBytes the whole managed memory of the TaskManager (rounded down to full pages)
     * @param pageSize bytes per page, a power of two of at least 1 KiB
     * @param numSlots the TaskManager's slots, which share the budget evenly
     */
    public MemoryManager(long totalBytes, int pageSize, int numSlots) {
        if (pageSize < 1024 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("Page size must be a power of two of at least 1 KiB, got " + pageSize);
        }
        if (numSlots < 1) {
            throw new IllegalArgumentException("Need at least one slot, got " + numSlots);
        }
        long pages = totalBytes / pageSize;
        if (pages > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Managed memory of " + totalBytes + " bytes is too large for pages of "
                    + pageSize + " bytes");
        }
        this.pageSize = pageSize;
        this.totalPages = (int) pages;
        this.numSlots = numSlots;
    }

    public int pageSize() {
        return pageSize;
    }

    public int totalPages() {
        return totalPages;
    }

    /** The pages of one slot's share: all memory-hungry operators of the tasks in one slot together. */
    public int pagesPerSlot() {
        return totalPages / numSlots;
    }

    /** Whole pages that fit into {@code bytes}. */
    public int pagesFor(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, bytes / pageSize);
    }

    /** Pages neither allocated nor reserved. */
    public synchronized int availablePages() {
        return totalPages - allocatedPages - reservedPages;
    }

    public synchronized int allocatedPages() {
        return allocatedPages;
    }

    /** Pages {@code owner} holds right now. */
    public synchronized int pagesHeldBy(Object owner) {
        Set<MemorySegment> pages = pagesByOwner.get(owner);
        return pages == null ? 0 : pages.size();
    }

    public synchronized int reservedPages() {
        return reservedPages;
    }

    /** Pages {@code owner} has reserved right now. */
    public synchronized int pagesReservedBy(Object owner) {
        return reservationsByOwner.getOrDefault(owner, 0);
    }

    /** The owners that hold or reserve at least one page. */
    public synchronized Set<Object> owners() {
        Set<Object> owners = new HashSet<>(pagesByOwner.keySet());
        owners.addAll(reservationsByOwner.keySet());
        return Set.copyOf(owners);
    }

    /**
     * {@code n} pages for {@code owner}: all of them or, if the budget cannot cover them, none.
     *
     * @throws MemoryAllocationException if fewer than {@code n} pages are free
     */
    public synchronized List<MemorySegment> allocatePages(Object owner, int n) throws MemoryAllocationException {
        checkAvailable(owner, n);
        if (n == 0) {
            return List.of();
        }
        Set<MemorySegment> owned = pagesByOwner.computeIfAbsent(owner,
                o -> Collections.newSetFromMap(new IdentityHashMap<>()));
        List<MemorySegment> pages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] array = pool.poll();
            MemorySegment page = new MemorySegment(array != null ? array : new byte[pageSize], owner);
            owned.add(page);
            pages.add(page);
        }
        allocatedPages += n;
        return pages;
    }

    private void checkAvailable(Object owner, int n) throws MemoryAllocationException {
        if (shutDown) {
            throw new IllegalStateException("The memory manager was shut down");
        }
        if (n < 0) {
            throw new IllegalArgumentException("Cannot take " + n + " pages");
        }
        if (n > availablePages()) {
            Set<Object> owners = owners();
            int others = owners.size() - (owners.contains(owner) ? 1 : 0);
            throw new MemoryAllocationException("Cannot take " + n + " pages of managed memory (" + kib(n)
                    + " KiB) for " + owner + ": " + availablePages() + " of " + totalPages + " pages (" + kib(totalPages)
                    + " KiB, " + pagesPerSlot() + " per slot) are free; " + owner + " holds "
                    + (pagesHeldBy(owner) + pagesReservedBy(owner)) + " and "
                    + others + " other owners hold the rest. "
                    + "Increase " + MemoryOptions.MANAGED_SIZE.key() + " or lower the number of slots per TaskManager.");
        }
    }

    /**
     * Counts {@code n} pages against the budget for {@code owner} without handing out memory: for
     * structures that hold their data as Java objects and keep their estimated size within this.
     *
     * @throws MemoryAllocationException if fewer than {@code n} pages are free
     */
    public synchronized void reservePages(Object owner, int n) throws MemoryAllocationException {
        checkAvailable(owner, n);
        if (n > 0) {
            reservationsByOwner.merge(owner, n, Integer::sum);
            reservedPages += n;
        }
    }

    /** Gives back {@code n} of the pages {@code owner} reserved. */
    public synchronized void releaseReservedPages(Object owner, int n) {
        int held = pagesReservedBy(owner);
        if (n < 0 || n > held) {
            throw new IllegalArgumentException(owner + " reserved " + held + " pages and cannot release " + n);
        }
        if (n == held) {
            reservationsByOwner.remove(owner);
        } else {
            reservationsByOwner.put(owner, held - n);
        }
        reservedPages -= n;
    }

    /**
     * Turns {@code n} of the pages {@code owner} reserved into allocated pages, atomically, so that no
     * other owner can take them in between (a structure handing part of its share to a sorter).
     */
    public synchronized List<MemorySegment> allocateReservedPages(Object owner, int n) {
        releaseReservedPages(owner, n);
        try {
            return allocatePages(owner, n);
        } catch (MemoryAllocationException e) {
            throw new IllegalStateException("Reserved pages were not available", e);
        }
    }

    private long kib(long pages) {
        return pages * pageSize >> 10;
    }

    /** Returns one page to the budget; releasing a page twice is a no-op. */
    public synchronized void release(MemorySegment page) {
        if (page.isFreed()) {
            return;
        }
        Set<MemorySegment> owned = pagesByOwner.get(page.owner());
        if (owned == null || !owned.remove(page)) {
            throw new IllegalArgumentException("Page of " + page.owner() + " was not allocated by this memory manager");
        }
        if (owned.isEmpty()) {
            pagesByOwner.remove(page.owner());
        }
        recycle(page);
    }

    /** Returns pages to the budget; pages already released are skipped. */
    public synchronized void release(Collection<MemorySegment> pages) {
        for (MemorySegment page : pages) {
            release(page);
        }
    }

    /**
     * Releases every page {@code owner} still holds or reserves (called when its task ends, also
     * after a failure); returns how many.
     */
    public synchronized int releaseAll(Object owner) {
        Integer reserved = reservationsByOwner.remove(owner);
        int released = reserved == null ? 0 : reserved;
        reservedPages -= released;
        Set<MemorySegment> owned = pagesByOwner.remove(owner);
        if (owned != null) {
            for (MemorySegment page : owned) {
                recycle(page);
            }
            released += owned.size();
        }
        return released;
    }

    private void recycle(MemorySegment page) {
        byte[] array = page.free();
        allocatedPages--;
        if (!shutDown) {
            pool.push(array);
        }
    }

    /** Frees every page and drops the pool; later allocations fail. Idempotent. */
    public synchronized void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        for (Object owner : owners()) {
            releaseAll(owner);
        }
        pool.clear();
    }

    public synchronized boolean isShutDown() {
        return shutDown;
    }
}
