package dev.spindle.dataset.internal;

import dev.spindle.runtime.io.InputFormat;
import dev.spindle.runtime.io.InputSplit;

/** The numbers {@code from..to} (inclusive), split into equal ranges. */
public final class SequenceInputFormat implements InputFormat<Long, SequenceInputFormat.Range> {

    /** A range of numbers, inclusive at both ends. */
    public record Range(int splitNumber, long from, long to) implements InputSplit {
    }

    private final long from;
    private final long to;
    private transient long next;
    private transient long last;

    public SequenceInputFormat(long from, long to) {
        if (to < from) {
            throw new IllegalArgumentException("Sequence end " + to + " is before its start " + from);
        }
        this.from = from;
        this.to = to;
    }

    /** Eight bytes per number. */
    @Override
    public long estimatedSizeBytes() {
        return 8 * (to - from + 1);
    }

    @Override
    public Range[] createInputSplits(int minNumSplits) {
        long total = to - from + 1;
        int n = (int) Math.max(1, Math.min(minNumSplits, total));
        Range[] ranges = new Range[n];
        long start = from;
        for (int i = 0; i < n; i++) {
            long size = total / n + (i < total % n ? 1 : 0);
            ranges[i] = new Range(i, start, start + size - 1);
            start += size;
        }
        return ranges;
    }

    @Override
    public void open(Range split) {
        next = split.from();
        last = split.to();
    }

    @Override
    public boolean reachedEnd() {
        return next > last;
    }

    @Override
    public Long nextRecord() {
        return next++;
    }

    @Override
    public void close() {
    }
}
