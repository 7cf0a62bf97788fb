package dev.spindle.dataset;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.client.JobExecutionException;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.memory.MemoryOptions;
import dev.spindle.runtime.config.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A solution set larger than the iteration head's managed memory fails the job with one clear line
 * naming the setting to raise, not with an OutOfMemoryError or silently lost records.
 */
class SolutionSetMemoryITCase {

    @RegisterExtension
    static final TestingCluster cluster = new TestingCluster(new Configuration()
            .set(MemoryOptions.MANAGED_SIZE, MemorySize.parse("2m")));

    @Test
    void shouldFailWithTheSettingToRaiseWhenTheSolutionSetDoesNotFit() {
        ExecutionEnvironment env = cluster.createEnvironment(2);
        DataSet<Tuple2<Long, String>> records = env.generateSequence(1, 200_000)
                .map(x -> new Tuple2<>(x, "record number " + x)).returns(new TypeHint<Tuple2<Long, String>>() { });
        DeltaIteration<Tuple2<Long, String>, Tuple2<Long, String>> iteration = records.iterateDelta(records, 2, 0);
        DataSet<Tuple2<Long, String>> changes = iteration.getWorkset()
                .join(iteration.getSolutionSet()).where(0).equalTo(0).with((w, s) -> s)
                .returns(new TypeHint<Tuple2<Long, String>>() { });
        JobExecutionException e = assertThrows(JobExecutionException.class,
                () -> iteration.closeWith(changes, changes).count());
        assertTrue(e.getMessage().contains("The solution set does not fit into its managed memory")
                && e.getMessage().contains("raise taskmanager.memory.managed.size"), e.getMessage());
    }
}
