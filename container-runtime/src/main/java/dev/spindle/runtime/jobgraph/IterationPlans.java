package dev.spindle.runtime.jobgraph;

import dev.spindle.runtime.iteration.IterationNodeRole;
import dev.spindle.runtime.iteration.IterationSpec;
import dev.spindle.runtime.plan.ExchangeMode;
import dev.spindle.runtime.plan.PlanEdge;
import dev.spindle.runtime.plan.PlanNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The iterations of a plan as the compiler needs them: which nodes form each iteration's loop (the
 * head, and every node between it and the tails), and what that means for edges. Inside a loop every
 * edge is pipelined (its tasks run for the whole iteration) and all nodes share the head's
 * parallelism (the tasks of one subtask index meet in one slot); edges into a loop from outside and
 * from the head to the result are blocking, so that a loop is a pipelined region of its own that
 * starts with all its inputs complete. Nothing is chained to the head.
 */
final class IterationPlans {

    private final Map<PlanNode, PlanNode> headOf = new IdentityHashMap<>();

    private IterationPlans() {
    }

    /** Finds the loops of the nodes in {@code order} (topological) and checks that they are well formed. */
    static IterationPlans analyze(List<PlanNode> order) {
        IterationPlans plans = new IterationPlans();
        Map<PlanNode, List<PlanNode>> consumers = new HashMap<>();
        for (PlanNode node : order) {
            for (PlanEdge edge : node.inputs()) {
                consumers.computeIfAbsent(edge.source(), k -> new ArrayList<>()).add(node);
            }
        }
        for (PlanNode node : order) {
            if (node.iterationRole() == IterationNodeRole.SOLUTION_SET) {
                throw new IllegalStateException("'" + consumers.get(node).get(0).name() + "' reads the solution set of "
                        + "iteration '" + node.iteration().name() + "' directly; the solution set can only be joined "
                        + "or coGrouped with");
            }
            if (node.iterationRole() == IterationNodeRole.HEAD) {
                plans.addLoop(node, order, consumers);
            }
        }
        return plans;
    }

    private void addLoop(PlanNode head, List<PlanNode> order, Map<PlanNode, List<PlanNode>> consumers) {
        IterationSpec spec = head.iteration();
        if (head.iterationTails().isEmpty()) {
            throw new IllegalStateException("Iteration '" + spec.name() + "' was never closed (closeWith)");
        }
        Set<PlanNode> downstream = new HashSet<>();
        ArrayDeque<PlanNode> queue = new ArrayDeque<>();
        queue.add(head);
        for (PlanNode node : order) {
            if (node.iteration() == spec && node.iterationRole() == IterationNodeRole.SOLUTION_SET_OPERATOR) {
                queue.add(node);
            }
        }
        while (!queue.isEmpty()) {
            PlanNode node = queue.poll();
            if (node.iterationRole() == IterationNodeRole.RESULT || !downstream.add(node)) {
                continue;
            }
            queue.addAll(consumers.getOrDefault(node, List.of()));
        }
        Set<PlanNode> feedsTails = new HashSet<>(head.iterationTails());
        queue.addAll(head.iterationTails());
        while (!queue.isEmpty()) {
            for (PlanEdge edge : queue.poll().inputs()) {
                if (downstream.contains(edge.source()) && feedsTails.add(edge.source())) {
                    queue.add(edge.source());
                }
            }
        }
        for (PlanNode node : downstream) {
            if (node != head && node.inputs().stream().noneMatch(e -> downstream.contains(e.source()))) {
                throw new IllegalStateException("'" + node.name() + "' in iteration '" + spec.name() + "' reads no data "
                        + "computed inside the iteration; a solution-set join or coGroup must read the workset or "
                        + "data derived from it");
            }
            if (node != head && !feedsTails.contains(node)) {
                throw new IllegalStateException("'" + node.name() + "' uses data of iteration '" + spec.name()
                        + "' but does not lead to what closeWith(...) feeds back; outside the iteration, use the "
                        + "result of closeWith(...)");
            }
            PlanNode other = headOf.put(node, head);
            if (other != null && other != head) {
                throw new IllegalStateException("'" + node.name() + "' is inside two iterations ('"
                        + other.iteration().name() + "' and '" + spec.name() + "'); nested iterations are not supported");
            }
        }
    }

    /** The head of the loop {@code node} belongs to (the head itself included), or null. */
    PlanNode headOf(PlanNode node) {
        return headOf.get(node);
    }

    boolean isHead(PlanNode node) {
        return node.iterationRole() == IterationNodeRole.HEAD;
    }

    /** Whether {@code node} runs inside a loop, as the head or as part of the body. */
    boolean inLoop(PlanNode node) {
        return headOf.containsKey(node);
    }

    /** Whether {@code edge} into {@code target} comes from outside {@code target}'s loop: read once, kept. */
    boolean isStaticInput(PlanNode target, PlanEdge edge) {
        PlanNode head = headOf.get(target);
        return head != null && !isHead(target) && headOf.get(edge.source()) != head;
    }

    /** Whether {@code edge} into {@code target} runs inside one loop (and must stay pipelined). */
    boolean isLoopEdge(PlanNode target, PlanEdge edge) {
        PlanNode head = headOf.get(target);
        return head != null && !isHead(target) && headOf.get(edge.source()) == head;
    }

    /** The exchange mode an iteration imposes on {@code edge} into {@code target}, or null for none. */
    ExchangeMode modeOf(PlanNode target, PlanEdge edge) {
        if (isLoopEdge(target, edge)) {
            if (edge.isBroadcastSet()) {
                throw new IllegalStateException("'" + target.name() + "' uses a broadcast set computed inside its "
                        + "iteration ('" + edge.broadcastName() + "'); broadcast sets must come from outside the loop");
            }
            return ExchangeMode.PIPELINED;
        }
        boolean intoLoop = inLoop(target) && headOf.get(edge.source()) != headOf.get(target);
        boolean result = target.iterationRole() == IterationNodeRole.RESULT;
        return intoLoop || result ? ExchangeMode.BLOCKING : null;
    }

    /** Whether {@code target} may be chained to the source of {@code edge}: never to a head. */
    boolean mayChain(PlanEdge edge) {
        return !isHead(edge.source());
    }

    /**
     * The parallelism of a node in a loop, the head's; fails if the program set another one.
     *
     * @param resolved the node's parallelism as the compiler resolved it
     * @param headParallelism the head's resolved parallelism
     */
    int parallelismInLoop(PlanNode node, int resolved, int headParallelism) {
        if (node.parallelism() != PlanNode.DEFAULT_PARALLELISM && resolved != headParallelism) {
            throw new IllegalStateException("'" + node.name() + "' has parallelism " + resolved + " inside iteration '"
                    + headOf.get(node).iteration().name() + "', whose parallelism is " + headParallelism
                    + "; every step of an iteration runs with the iteration's parallelism");
        }
        return headParallelism;
    }
}
