package dev.spindle.runtime.operators.join;

import dev.spindle.runtime.memory.PageList;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte space made of pages from a {@link PagePool}, addressed by {@code long} offsets:
 * values may straddle page boundaries. Space is appended with {@link #allocate}, written and read in
 * place, and compacted with {@link #move} and {@link #truncate}. {@link #clear()} gives every page
 * back. One thread at a time (the pool's).
 */
public final class RecordPages {

    private final PagePool pool;
    private final int pageSize;
    private final int shift;
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final PageList pages = new PageList();
    private long size;

    public RecordPages(PagePool pool) {
        this.pool = pool;
        this.pageSize = pool.pageSize();
        this.shift = Integer.numberOfTrailingZeros(pageSize);
    }

    /** Bytes allocated so far. */
    public long size() {
        return size;
    }

    public int pageCount() {
        return pages.size();
    }

    /** Pages this space would hold after allocating {@code bytes} more. */
    public int pagesAfter(long bytes) {
        return Math.max(pages.size(), pool.pagesFor(size + bytes));
    }

    /**
     * Appends {@code bytes} bytes (uninitialized) and returns their address, or -1, changing nothing,
     * if the pool has not enough pages.
     */
    public long allocate(long bytes) {
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

    /** Shrinks the space to its first {@code newSize} bytes and gives the pages past them back to the pool. */
    public void truncate(long newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("Cannot truncate " + size + " bytes to " + newSize);
        }
        int keep = pool.pagesFor(newSize);
        while (pages.size() > keep) {
            pool.give(pages.removeLast());
        }
        size = newSize;
    }

    /** Gives all pages back to the pool. */
    public void clear() {
        pool.giveAll(pages.removeAll());
        size = 0;
    }

    private byte[] page(long address) {
        return pages.array((int) (address >>> shift));
    }

    private int offset(long address) {
        return (int) (address & (pageSize - 1));
    }

    /** Whether {@code length} bytes at {@code address} lie in one page (then {@link #array}/{@link #offsetOf} reach them). */
    public boolean isContiguous(long address, int length) {
        return offset(address) + length <= pageSize;
    }

    public byte[] array(long address) {
        return page(address);
    }

    public int offsetOf(long address) {
        return offset(address);
    }

    public void putByte(long address, byte value) {
        page(address)[offset(address)] = value;
    }

    public byte getByte(long address) {
        return page(address)[offset(address)];
    }

    public void putInt(long address, int value) {
        int o = offset(address);
        if (o + 4 <= pageSize) {
            INTS.set(page(address), o, value);
        } else {
            for (int i = 0; i < 4; i++) {
                putByte(address + i, (byte) (value >>> (24 - 8 * i)));
            }
        }
    }

    public int getInt(long address) {
        int o = offset(address);
        if (o + 4 <= pageSize) {
            return (int) INTS.get(page(address), o);
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (getByte(address + i) & 0xFF);
        }
        return v;
    }

    public void putLong(long address, long value) {
        int o = offset(address);
        if (o + 8 <= pageSize) {
            LONGS.set(page(address), o, value);
        } else {
            putInt(address, (int) (value >>> 32));
            putInt(address + 4, (int) value);
        }
    }

    public long getLong(long address) {
        int o = offset(address);
        if (o + 8 <= pageSize) {
            return (long) LONGS.get(page(address), o);
        }
        return ((long) getInt(address) << 32) | (getInt(address + 4) & 0xFFFFFFFFL);
    }

    public void put(long address, byte[] source, int offset, int length) {
        while (length > 0) {
            int o = offset(address);
            int n = Math.min(length, pageSize - o);
            System.arraycopy(source, offset, page(address), o, n);
            address += n;
            offset += n;
            length -= n;
        }
    }

    public void get(long address, byte[] target, int offset, int length) {
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
    public void zero(long address, long length) {
        while (length > 0) {
            int o = offset(address);
            int n = (int) Math.min(length, pageSize - o);
            Arrays.fill(page(address), o, o + n, (byte) 0);
            address += n;
            length -= n;
        }
    }

    /** Copies {@code length} bytes from {@code from} down to {@code to} (at most {@code from}); the ranges may overlap. */
    public void move(long from, long to, long length) {
        if (to > from) {
            throw new IllegalArgumentException("Can only move bytes towards the start, not from " + from + " to " + to);
        }
        while (length > 0) {
            int n = (int) Math.min(length, Math.min(pageSize - offset(from), pageSize - offset(to)));
            System.arraycopy(page(from), offset(from), page(to), offset(to), n);
            from += n;
            to += n;
            length -= n;
        }
    }
}
