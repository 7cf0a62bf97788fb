package dev.spindle.runtime.operators.join;

import static dev.spindle.runtime.operators.join.JoinTestData.PRINT;
import static dev.spindle.runtime.operators.join.JoinTestData.context;
import static dev.spindle.runtime.operators.join.JoinTestData.expected;
import static dev.spindle.runtime.operators.join.JoinTestData.lefts;
import static dev.spindle.runtime.operators.join.JoinTestData.rights;
import static dev.spindle.runtime.operators.join.JoinTestData.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.testing.OperatorTestHarness;
import dev.spindle.runtime.testing.TestingOperatorContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A hash join's probe input filtered by key hash ({@code KeyHashFilter}), as an iteration replaying
 * a cached input does: leaving out every probe record the join rules out changes nothing in its
 * output, and records whose key the build side holds are never ruled out.
 */
class HashJoinKeyHashFilterTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "build {0}, {1}, {2} pages")
    @CsvSource({
        "0, INNER, 4096", "1, INNER, 4096", "0, LEFT_OUTER, 4096", "1, RIGHT_OUTER, 4096",
        "0, INNER, 24", "1, INNER, 24"})
    void shouldRuleOutOnlyProbeRecordsThatCannotMatch(int buildInput, JoinType type, int pages) throws Exception {
        // Keys 0-7,999 on the left and 4,000-11,999 on the right: half of either side has no partner.
        List<Tuple2<Integer, String>> lefts = lefts(7, 20_000, 0, 8_000, 0.01);
        List<Tuple2<Integer, Long>> rights = rights(8, 20_000, 4_000, 8_000, 0.01);
        int probeInput = 1 - buildInput;
        List<?> build = buildInput == 0 ? lefts : rights;
        List<?> probe = buildInput == 0 ? rights : lefts;
        TestingOperatorContext context = context(tmp, pages, 1024);
        List<String> out = new ArrayList<>();
        int ruledOut = 0;
        try (OperatorTestHarness<String> harness = new OperatorTestHarness<>(
                () -> new HashJoinOperator<>(spec(type, PRINT), buildInput), 2, context)) {
            harness.open();
            HashJoinOperator<?, ?, ?> join = (HashJoinOperator<?, ?, ?>) harness.operator();
            boolean probeKeepsUnmatched = probeInput == 0 ? type.keepsUnmatchedLeft() : type.keepsUnmatchedRight();
            assertEquals(!probeKeepsUnmatched, join.filtersInput(probeInput));
            assertFalse(join.filtersInput(buildInput), "the build input is never filtered");

            harness.process(buildInput, build);
            assertTrue(join.mayMatch(probeInput, join.keyHash(probeInput, probe.get(0))),
                    "nothing is ruled out before the build input ended");
            harness.endInput(buildInput);
            Set<Object> buildKeys = keys(build);
            for (Object record : probe) {
                boolean mayMatch = join.mayMatch(probeInput, join.keyHash(probeInput, record));
                if (buildKeys.contains(((Tuple2<?, ?>) record).f0)) {
                    assertTrue(mayMatch, "record " + record + " has partners but was ruled out");
                }
                if (mayMatch) {
                    harness.process(probeInput, record);
                } else {
                    ruledOut++;
                }
            }
            for (Object o : harness.finish()) {
                out.add(String.valueOf(o));
            }
            assertEquals(pages < 100, join.spilledPartitions() > 0, "spilled partitions");
            if (probeKeepsUnmatched) {
                assertEquals(0, ruledOut, "a probe side that keeps unmatched records loses none");
            } else if (join.spilledPartitions() == 0) {
                // About half of the probe records have keys the build side lacks.
                assertTrue(ruledOut > probe.size() / 3, ruledOut + " of " + probe.size() + " ruled out");
            }
        }
        Collections.sort(out);
        assertEquals(expected(type, lefts, rights), out);
    }

    private static Set<Object> keys(List<?> records) {
        Set<Object> keys = new HashSet<>();
        for (Object r : records) {
            keys.add(((Tuple2<?, ?>) r).f0);
        }
        keys.remove(null);
        return keys;
    }
}
