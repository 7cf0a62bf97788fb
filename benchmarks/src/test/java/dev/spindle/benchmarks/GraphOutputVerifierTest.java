package dev.spindle.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphOutputVerifierTest {

    private static final HandWrittenPageRank.Result RANKS =
            new HandWrittenPageRank.Result(new long[] {10, 20, 30}, new double[] {0.5, 0.2500000005, 0.2499999995});

    @TempDir
    Path dir;

    @Test
    void shouldAcceptRanksInAnyPartOrderAndCountStringsRoundedTheOtherWay() throws IOException {
        // 0.2500000005 is written as 0.250000000 by hand (the double lies just below the tie);
        // Spindle's sum may land just above it: 0.250000001 passes, but counts as a different string.
        Path out = parts(Map.of("part-1", "30\t0.249999999\n", "part-0", "20\t0.250000001\n10\t0.500000000\n"));
        GraphOutputVerifier.RankCheck check = GraphOutputVerifier.verifyRanks(RANKS, out);
        assertEquals(3, check.vertices());
        assertEquals(1, check.differentStrings());
        assertTrue(check.maxDifference() < GraphOutputVerifier.RANK_TOLERANCE);
    }

    @Test
    void shouldRejectWrongMissingRepeatedOrUnknownVertices() throws IOException {
        for (String wrong : new String[] {"10\t0.500000000\n20\t0.250000003\n30\t0.250000000\n",
                "10\t0.500000000\n20\t0.250000000\n", "10\t0.500000000\n20\t0.250000000\n20\t0.250000000\n30\t0.25\n",
                "10\t0.500000000\n20\t0.250000000\n30\t0.250000000\n40\t0.1\n"}) {
            Path out = parts(Map.of("part-0", wrong));
            assertThrows(IllegalStateException.class, () -> GraphOutputVerifier.verifyRanks(RANKS, out), wrong);
        }
    }

    @Test
    void shouldCheckComponentsExactlyAndCountThem() throws IOException {
        HandWrittenConnectedComponents.Result expected = new HandWrittenConnectedComponents.Result(
                new long[] {1, 2, 3, 4}, new long[] {1, 1, 1, 4});
        GraphOutputVerifier.ComponentCheck check = GraphOutputVerifier.verifyComponents(expected,
                parts(Map.of("part-0", "4\t4\n2\t1\n", "part-1", "3\t1\n1\t1\n")));
        assertEquals(new GraphOutputVerifier.ComponentCheck(4, 2, 3), check);
        Path wrong = parts(Map.of("part-0", "4\t4\n2\t1\n3\t2\n1\t1\n"));
        assertThrows(IllegalStateException.class, () -> GraphOutputVerifier.verifyComponents(expected, wrong));
    }

    private int dirs;

    private Path parts(Map<String, String> files) throws IOException {
        Path out = Files.createDirectory(dir.resolve("out-" + dirs++));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(out.resolve(file.getKey()), file.getValue());
        }
        Files.writeString(out.resolve("_SUCCESS"), "");
        return out;
    }
}
