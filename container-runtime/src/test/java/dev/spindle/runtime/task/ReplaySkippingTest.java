package dev.spindle.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.operators.KeyHashFilter;
import org.junit.jupiter.api.Test;

class ReplaySkippingTest {

    /** Rules out the hashes below {@code limit} and counts the questions. */
    private static final class Below implements KeyHashFilter {
        int limit;
        long asked;

        @Override
        public boolean filtersInput(int input) {
            return true;
        }

        @Override
        public int keyHash(int input, Object record) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean mayMatch(int input, int hash) {
            assertEquals(1, input);
            asked++;
            return hash >= limit;
        }
    }

    @Test
    void shouldSkipWhatTheOperatorRulesOutWhileItRulesOutAQuarterOfTheSample() {
        Below filter = new Below();
        filter.limit = 30;
        ReplaySkipping skipping = new ReplaySkipping(filter, 1);
        int kept = 0;
        for (int i = 0; i < 3 * ReplaySkipping.WINDOW; i++) {
            kept += skipping.test(i % 100) ? 1 : 0;
        }
        // 30% ruled out: every record is asked about, and every ruled-out one skipped.
        assertEquals(3L * ReplaySkipping.WINDOW, filter.asked);
        assertEquals(3 * ReplaySkipping.WINDOW - kept, skipping.skipped());
        assertTrue(skipping.skipped() > 0.29 * 3 * ReplaySkipping.WINDOW, skipping.skipped() + " skipped");
    }

    @Test
    void shouldStopAskingForTheRestOfAWindowWhenFewAreRuledOut() {
        Below filter = new Below();
        filter.limit = 10;
        ReplaySkipping skipping = new ReplaySkipping(filter, 1);
        for (int i = 0; i < 2 * ReplaySkipping.WINDOW; i++) {
            int hash = i % 100;
            boolean kept = skipping.test(hash);
            if (i % ReplaySkipping.WINDOW >= ReplaySkipping.SAMPLE) {
                assertTrue(kept, "beyond the sample every record is kept");
            } else {
                assertEquals(hash >= 10, kept);
            }
        }
        assertEquals(2L * ReplaySkipping.SAMPLE, filter.asked, "only the samples were asked about");
    }

    @Test
    void shouldDecideAgainInEveryWindow() {
        Below filter = new Below();
        ReplaySkipping skipping = new ReplaySkipping(filter, 1);
        filter.limit = 0;
        for (int i = 0; i < ReplaySkipping.WINDOW; i++) {
            assertTrue(skipping.test(i % 100));
        }
        // The workset shrank: from the next window on, almost everything is ruled out.
        filter.limit = 99;
        for (int i = 0; i < ReplaySkipping.WINDOW; i++) {
            boolean kept = skipping.test(i % 100);
            assertEquals(i % 100 == 99, kept, "record " + i);
        }
        assertFalse(skipping.test(5));
        assertEquals(ReplaySkipping.SAMPLE + ReplaySkipping.WINDOW + 1, filter.asked);
    }
}
