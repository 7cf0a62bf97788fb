package dev.spindle.runtime.operators.join;

import dev.spindle.runtime.memory.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A growable byte space made of pages from a {@link PagePool}, addressed by {@code long} offsets:
 * values may straddle page boundaries. Space is appended with {@link #allocate} and written and
 * read in place. {@link #clear()} gives every page back. Task thread only.
 */
final class RecordPages {

    private final PagePool pool;
    private final int pageSize;
    private final int shift;
    private final List<MemorySegment> pages = new ArrayList<>();
    private long size;

    RecordPages(PagePool pool) {
        this.pool = pool;
        this.pageSize = pool.pageSize();
        this.shift = Integer.numberOfTrailingZeros(pageSize);
    }

    /** Bytes allocated so far. */
    long size() {
        return size;
    }

    int pageCount() {
        return pages.size();
    }

    /** Pages this space would hold after allocating {@code bytes} more. */
    int pagesAfter(long bytes) {
        return Math.max(pages.size(), pool.pagesFor(size + bytes));
    }

    /**
     * Appends {@code bytes} bytes (uninitialized) and returns their address, or -1, changing nothing,
     * if the pool has not enough pages.
     */
    long allocate(long bytes) {
        int needed = pagesAfter(bytes) - pages.size();
        if (needed > pool.free()) {
            return -1;
        }
        for (int i = 0; i < needed; i++) {
            pages.add(pool.takeReserved());
        }
        long address = size;
        size += bytes;
        return address;
    }

    /** Gives all pages back to the pool. */
    void clear() {
        pool.giveAll(pages);
        pages.clear();
        size = 0;
    }

    private byte[] page(long address) {
        return pages.get((int) (address >>> shift)).array();
    }

    private int offset(long address) {
        return (int) (address & (pageSize - 1));
    }

    /** Whether {@code length} bytes at {@code address} lie in one page (then {@link #array}/{@link #offsetOf} reach them). */
    boolean isContiguous(long address, int length) {
        return offset(address) + length <= pageSize;
    }

    byte[] array(long address) {
        return page(address);
    }

    int offsetOf(long address) {
        return offset(address);
    }

    void putByte(long address, byte value) {
        page(address)[offset(address)] = value;
    }

    byte getByte(long address) {
        return page(address)[offset(address)];
    }

    void putInt(long address, int value) {
        int o = offset(address);
        if (o + 4 <= pageSize) {
            byte[] p = page(address);
            p[o] = (byte) (value >>> 24);
            p[o + 1] = (byte) (value >>> 16);
            p[o + 2] = (byte) (value >>> 8);
            p[o + 3] = (byte) value;
        } else {
            for (int i = 0; i < 4; i++) {
                putByte(address + i, (byte) (value >>> (24 - 8 * i)));
            }
        }
    }

    int getInt(long address) {
        int o = offset(address);
        if (o + 4 <= pageSize) {
            byte[] p = page(address);
            return ((p[o] & 0xFF) << 24) | ((p[o + 1] & 0xFF) << 16) | ((p[o + 2] & 0xFF) << 8) | (p[o + 3] & 0xFF);
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (getByte(address + i) & 0xFF);
        }
        return v;
    }

    void putLong(long address, long value) {
        putInt(address, (int) (value >>> 32));
        putInt(address + 4, (int) value);
    }

    long getLong(long address) {
        return ((long) getInt(address) << 32) | (getInt(address + 4) & 0xFFFFFFFFL);
    }

    void put(long address, byte[] source, int offset, int length) {
        while (length > 0) {
            int o = offset(address);
            int n = Math.min(length, pageSize - o);
            System.arraycopy(source, offset, page(address), o, n);
            address += n;
            offset += n;
            length -= n;
        }
    }

    void get(long address, byte[] target, int offset, int length) {
        while (length > 0) {
            int o = offset(address);
            int n = Math.min(length, pageSize - o);
            System.arraycopy(page(address), o, target, offset, n);
            address += n;
            offset += n;
            length -= n;
        }
    }

    /** Sets {@code length} bytes at {@code address} to zero. */
    void zero(long address, long length) {
        while (length > 0) {
            int o = offset(address);
            int n = (int) Math.min(length, pageSize - o);
            Arrays.fill(page(address), o, o + n, (byte) 0);
            address += n;
            length -= n;
        }
    }
}
