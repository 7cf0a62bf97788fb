package dev.spindle.runtime.memory;

/**
 * One page of managed memory: a fixed-size {@code byte[]} handed out by a {@link MemoryManager} to an
 * owner (a task). A segment is valid from allocation until it is released, individually or with all
 * pages of its owner; afterwards {@link #array()} fails, so a component that keeps using a page
 * after its task ended fails loudly instead of writing into memory another task now holds.
 *
 * <p>Only the thread of the owning task reads and writes the page's bytes. The freed flag is set by
 * whichever thread releases the segment (normally the same task thread, at the end of the task).
 */
public final class MemorySegment {

    private final byte[] array;
    private final Object owner;
    private volatile boolean freed;

    MemorySegment(byte[] array, Object owner) {
        this.array = array;
        this.owner = owner;
    }

    /** The page's bytes; fails once the segment was released. */
    public byte[] array() {
        if (freed) {
            throw new IllegalStateException("Memory segment of " + owner + " used after it was released");
        }
        return array;
    }

    public int size() {
        return array.length;
    }

    public Object owner() {
        return owner;
    }

    public boolean isFreed() {
        return freed;
    }

    /** Marks the segment released and returns its array to the manager's pool. */
    byte[] free() {
        freed = true;
        return array;
    }
}
