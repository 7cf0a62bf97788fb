package dev.spindle.runtime.jobgraph;

import dev.spindle.runtime.plan.ExchangeMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns pipelined edges into blocking ones where the schedule would otherwise be impossible or
 * could deadlock. Vertices joined by pipelined edges form a pipelined region that is deployed at
 * once, after the producers of its blocking inputs finished. That needs two things: no blocking edge
 * inside a region (its consumer would wait for a producer deployed with it), and no cycle among
 * regions. Both are broken by the same cause, a pipelined path beside a blocking one (a join whose
 * build and probe sides come from one source, for instance); and the same cure fixes them: the
 * consumer of an offending blocking edge reads its other inputs blocking too, or, if it has none
 * pipelined, writes its outputs blocking. Every step removes a pipelined edge, so it ends, at the
 * latest with all edges blocking.
 */
final class PipelineBreakers {

    /** A network edge between two vertices whose mode may be changed, unless it is fixed (inside an iteration). */
    static final class Edge {
        final int source;
        final int target;
        final boolean fixed;
        ExchangeMode mode;

        Edge(int source, int target, ExchangeMode mode) {
            this(source, target, mode, false);
        }

        Edge(int source, int target, ExchangeMode mode, boolean fixed) {
            this.source = source;
            this.target = target;
            this.mode = mode;
            this.fixed = fixed;
        }
    }

    private PipelineBreakers() {
    }

    /** Changes the modes of {@code edges} in place until the regions of the {@code numVertices} vertices can be scheduled. */
    static void apply(int numVertices, List<Edge> edges) {
        List<Edge> offending;
        while (!(offending = findOffendingEdges(numVertices, edges)).isEmpty()) {
            boolean changed = false;
            for (Edge e : offending) {
                changed = makeBlocking(edges, e.target, true) || makeBlocking(edges, e.target, false);
                if (changed) {
                    break;
                }
            }
            if (!changed) {
                throw new IllegalStateException("The job cannot be scheduled: a blocking exchange at vertex "
                        + offending.get(0).target + " cannot be broken without blocking an iteration's loop");
            }
        }
    }

    private static boolean makeBlocking(List<Edge> edges, int vertex, boolean inputs) {
        boolean changed = false;
        for (Edge e : edges) {
            if (e.mode == ExchangeMode.PIPELINED && !e.fixed && (inputs ? e.target : e.source) == vertex) {
                e.mode = ExchangeMode.BLOCKING;
                changed = true;
            }
        }
        return changed;
    }

    /**
     * The blocking edges inside a region or, failing those, the blocking edges into a region of
     * several vertices that cannot be ordered (on or after a cycle of regions); empty if the regions
     * can be scheduled.
     */
    private static List<Edge> findOffendingEdges(int numVertices, List<Edge> edges) {
        int[] region = regions(numVertices, edges);
        List<Edge> crossing = new ArrayList<>();
        List<Edge> inside = new ArrayList<>();
        for (Edge e : edges) {
            if (e.mode == ExchangeMode.BLOCKING) {
                if (region[e.source] == region[e.target]) {
                    inside.add(e);
                } else {
                    crossing.add(e);
                }
            }
        }
        if (!inside.isEmpty()) {
            return inside;
        }
        Set<Integer> unordered = unorderedRegions(numVertices, region, crossing);
        int[] size = new int[numVertices];
        for (int v = 0; v < numVertices; v++) {
            size[region[v]]++;
        }
        List<Edge> offending = new ArrayList<>();
        for (Edge e : crossing) {
            if (unordered.contains(region[e.source]) && unordered.contains(region[e.target]) && size[region[e.target]] > 1) {
                offending.add(e);
            }
        }
        return offending;
    }

    /** The representative vertex of each vertex's region (union-find over pipelined edges). */
    static int[] regions(int numVertices, List<Edge> edges) {
        int[] parent = new int[numVertices];
        for (int i = 0; i < numVertices; i++) {
            parent[i] = i;
        }
        for (Edge e : edges) {
            if (e.mode == ExchangeMode.PIPELINED) {
                int a = find(parent, e.source);
                int b = find(parent, e.target);
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        for (int i = 0; i < numVertices; i++) {
            parent[i] = find(parent, i);
        }
        return parent;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    /** Regions that Kahn's algorithm cannot order: those on a cycle and those after one. */
    private static Set<Integer> unorderedRegions(int numVertices, int[] region, List<Edge> crossing) {
        int[] indegree = new int[numVertices];
        List<List<Integer>> successors = new ArrayList<>();
        for (int i = 0; i < numVertices; i++) {
            successors.add(new ArrayList<>());
        }
        for (Edge e : crossing) {
            successors.get(region[e.source]).add(region[e.target]);
            indegree[region[e.target]]++;
        }
        Set<Integer> remaining = new HashSet<>();
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int v = 0; v < numVertices; v++) {
            if (region[v] == v) {
                remaining.add(v);
                if (indegree[v] == 0) {
                    ready.add(v);
                }
            }
        }
        while (!ready.isEmpty()) {
            int r = ready.poll();
            remaining.remove(r);
            for (int next : successors.get(r)) {
                if (--indegree[next] == 0) {
                    ready.add(next);
                }
            }
        }
        return remaining;
    }
}
