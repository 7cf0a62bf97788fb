package dev.spindle.runtime.scheduler;

import dev.spindle.runtime.jobgraph.JobEdge;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.plan.ExchangeMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Splits a job graph into pipelined regions (union-find over pipelined edges). */
public final class PipelinedRegions {

    private PipelinedRegions() {
    }

    public static List<PipelinedRegion> compute(JobGraph graph) {
        int n = graph.vertices().size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (JobEdge e : graph.edges()) {
            if (e.exchangeMode() == ExchangeMode.PIPELINED) {
                union(parent, e.sourceVertex(), e.targetVertex());
            }
        }
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int v = 0; v < n; v++) {
            members.computeIfAbsent(find(parent, v), k -> new ArrayList<>()).add(v);
        }
        List<PipelinedRegion> regions = new ArrayList<>();
        for (List<Integer> vertices : members.values()) {
            TreeSet<Integer> blocking = new TreeSet<>();
            int slots = 0;
            for (int v : vertices) {
                JobVertex vertex = graph.vertex(v);
                slots = Math.max(slots, vertex.parallelism());
                for (int edgeId : vertex.inputEdges()) {
                    JobEdge e = graph.edge(edgeId);
                    if (e.exchangeMode() == ExchangeMode.BLOCKING) {
                        blocking.add(e.sourceVertex());
                    }
                }
            }
            vertices.forEach(blocking::remove);
            regions.add(new PipelinedRegion(regions.size(), List.copyOf(vertices), blocking, slots));
        }
        return regions;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
