package dev.spindle.dataset.process;

import dev.spindle.api.tuple.Tuple3;
import dev.spindle.runtime.io.InputFormat;
import dev.spindle.runtime.io.InputSplit;

/** Sources for shuffle tests: records stamped with their emission time (wall clock, shared by processes). */
final class TestingSources {

    private TestingSources() {
    }

    /** One split per subtask. */
    record Split(int splitNumber) implements InputSplit {
    }

    /** Emits one timestamp, then holds the task for {@code holdMillis} before ending. */
    static final class OneRecordThenHold implements InputFormat<Long, Split> {
        private final long holdMillis;
        private transient boolean emitted;
        private transient boolean done;

        OneRecordThenHold(long holdMillis) {
            this.holdMillis = holdMillis;
        }

        @Override
        public Split[] createInputSplits(int minNumSplits) {
            return new Split[] {new Split(0)};
        }

        @Override
        public void open(Split split) {
            emitted = false;
            done = false;
        }

        @Override
        public boolean reachedEnd() throws java.io.IOException {
            if (emitted && !done) {
                try {
                    Thread.sleep(holdMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("cancelled");
                }
                done = true;
            }
            return done;
        }

        @Override
        public Long nextRecord() {
            emitted = true;
            return System.currentTimeMillis();
        }

        @Override
        public void close() {
        }
    }

    /** {@code count} records (sequence number, emission time, padding of {@code paddingBytes}) per split. */
    static final class PaddedRecords implements InputFormat<Tuple3<Long, Long, byte[]>, Split> {
        private final long count;
        private final int paddingBytes;
        private transient long next;

        PaddedRecords(long count, int paddingBytes) {
            this.count = count;
            this.paddingBytes = paddingBytes;
        }

        @Override
        public Split[] createInputSplits(int minNumSplits) {
            Split[] splits = new Split[minNumSplits];
            for (int i = 0; i < minNumSplits; i++) {
                splits[i] = new Split(i);
            }
            return splits;
        }

        @Override
        public void open(Split split) {
            next = 0;
        }

        @Override
        public boolean reachedEnd() {
            return next >= count;
        }

        @Override
        public Tuple3<Long, Long, byte[]> nextRecord() {
            return new Tuple3<>(next++, System.currentTimeMillis(), new byte[paddingBytes]);
        }

        @Override
        public void close() {
        }
    }
}
