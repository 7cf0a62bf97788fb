package dev.spindle.examples.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageRankFormatTest {

    /** The fast path formats every rank as BigDecimal rounds its exact value, ties and near-ties included. */
    @Test
    void shouldFormatRanksAsBigDecimalRoundsTheirExactValue() {
        Random random = new Random(11);
        List<Double> ranks = new ArrayList<>(List.of(0.0, -0.0, 1.0, 999.9999999995, 1000.0, 1e6, -1e-10, -0.5,
                Double.MIN_VALUE, 1e-300, 5e-10, 1.5e-9, 2.5e-9, 0.1, 0.85, 1.0 / 3, 123.4567891245));
        for (int i = 0; i < 200_000; i++) {
            double scale = Math.pow(10, -random.nextInt(12));
            ranks.add(random.nextDouble() * scale);
            // Near a rounding boundary: k + 1/2 billionths and the doubles around it.
            double tie = (random.nextInt(2_000_000) + 0.5) / 1e9;
            ranks.add(tie);
            ranks.add(Math.nextUp(tie));
            ranks.add(Math.nextDown(tie));
            ranks.add(tie + random.nextInt(2001) * 1e-15 - 1e-12);
        }
        for (double rank : ranks) {
            String expected = new BigDecimal(rank).setScale(9, RoundingMode.HALF_EVEN).toPlainString();
            assertEquals(expected, PageRank.formatRank(rank), "rank " + rank);
        }
    }
}
