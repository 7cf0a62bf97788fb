package dev.spindle.runtime.task;

import dev.spindle.runtime.operators.KeyHashFilter;
import java.util.function.IntPredicate;

/**
 * Which records of a cached loop-invariant input to replay, by the key hash kept with each: those
 * the chain's head may do something with ({@link KeyHashFilter#mayMatch}). Asking costs a table
 * lookup per record and pays only while many records are ruled out (a small workset against every
 * edge of a graph), so the head is asked for the first {@value #SAMPLE} records of every
 * {@value #WINDOW} and, for the rest of that window, only if it ruled out at least a quarter of
 * them. One per replay; task thread only.
 */
final class ReplaySkipping implements IntPredicate {

    static final int WINDOW = 1 << 16;
    static final int SAMPLE = 1 << 10;

    private final KeyHashFilter filter;
    private final int input;
    private long position;
    private int ruledOutInSample;
    private boolean asking;
    private long skipped;

    ReplaySkipping(KeyHashFilter filter, int input) {
        this.filter = filter;
        this.input = input;
    }

    @Override
    public boolean test(int hash) {
        int inWindow = (int) (position++ & (WINDOW - 1));
        if (inWindow < SAMPLE) {
            return sample(inWindow, hash);
        }
        return !asking || ask(hash);
    }

    private boolean sample(int inWindow, int hash) {
        if (inWindow == 0) {
            ruledOutInSample = 0;
        }
        boolean keep = ask(hash);
        if (!keep) {
            ruledOutInSample++;
        }
        if (inWindow == SAMPLE - 1) {
            asking = ruledOutInSample >= SAMPLE / 4;
        }
        return keep;
    }

    private boolean ask(int hash) {
        if (filter.mayMatch(input, hash)) {
            return true;
        }
        skipped++;
        return false;
    }

    /** Records ruled out so far. */
    long skipped() {
        return skipped;
    }
}
