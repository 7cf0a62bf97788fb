package dev.spindle.runtime.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Managed-memory pages in order, with their arrays at hand: {@link #array} reads a plain array
 * rather than a list of segments, because its users (a sort buffer's index, a join table) look a
 * page up for every record they touch. Used by one thread, as its owner.
 */
public final class PageList {

    private final List<MemorySegment> segments = new ArrayList<>();
    /** The arrays of {@link #segments}, in the same order (longer than needed; unused entries are null). */
    private byte[][] arrays = new byte[8][];

    public int size() {
        return segments.size();
    }

    /** The array of page {@code index}. */
    public byte[] array(int index) {
        return arrays[index];
    }

    public void add(MemorySegment page) {
        int index = segments.size();
        if (index == arrays.length) {
            arrays = Arrays.copyOf(arrays, index * 2);
        }
        arrays[index] = page.array();
        segments.add(page);
    }

    /** Removes the last page and returns it. */
    public MemorySegment removeLast() {
        int last = segments.size() - 1;
        arrays[last] = null;
        return segments.remove(last);
    }

    /** Removes every page and returns them, in order. */
    public List<MemorySegment> removeAll() {
        List<MemorySegment> all = new ArrayList<>(segments);
        segments.clear();
        Arrays.fill(arrays, null);
        return all;
    }
}
