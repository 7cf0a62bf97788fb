package dev.spindle.runtime.plan;

import dev.spindle.runtime.config.Configuration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The program as the APIs built it: the sink nodes (everything else is reachable from them). */
public final class Plan {

    private final String jobName;
    private final List<PlanNode> sinks;
    private final Configuration configuration;

    public Plan(String jobName, List<PlanNode> sinks, Configuration configuration) {
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("The program defines no sink: nothing would be computed");
        }
        this.jobName = jobName;
        this.sinks = List.copyOf(sinks);
        this.configuration = configuration;
    }

    public String jobName() {
        return jobName;
    }

    public List<PlanNode> sinks() {
        return sinks;
    }

    public Configuration configuration() {
        return configuration;
    }

    /**
     * All nodes, every node after its inputs. The tails of an iteration, which nothing consumes,
     * follow the rest of the iteration's loop.
     */
    public List<PlanNode> topologicalOrder() {
        Set<PlanNode> visited = new LinkedHashSet<>();
        for (PlanNode sink : sinks) {
            visit(sink, visited, new LinkedHashSet<>());
        }
        boolean added = true;
        while (added) {
            added = false;
            for (PlanNode node : List.copyOf(visited)) {
                for (PlanNode tail : node.iterationTails()) {
                    if (!visited.contains(tail)) {
                        visit(tail, visited, new LinkedHashSet<>());
                        added = true;
                    }
                }
            }
        }
        return new ArrayList<>(visited);
    }

    private static void visit(PlanNode node, Set<PlanNode> visited, Set<PlanNode> path) {
        if (visited.contains(node)) {
            return;
        }
        if (!path.add(node)) {
            throw new IllegalStateException("The plan has a cycle through " + node);
        }
        for (PlanEdge edge : node.inputs()) {
            visit(edge.source(), visited, path);
        }
        path.remove(node);
        visited.add(node);
    }
}
