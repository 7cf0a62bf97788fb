package dev.spindle.runtime.jobgraph;

import dev.spindle.runtime.config.Configuration;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the JobManager runs: vertices (operator chains with a parallelism) and the edges between
 * them. Vertices are in topological order. It is Java-serialized with the user's code inside and
 * read back with the job's classloader.
 */
public final class JobGraph implements Serializable {

    private final String jobId;
    private final String name;
    private final Configuration configuration;
    private final List<JobVertex> vertices = new ArrayList<>();
    private final List<JobEdge> edges = new ArrayList<>();

    public JobGraph(String jobId, String name, Configuration configuration) {
        this.jobId = jobId;
        this.name = name;
        this.configuration = configuration;
    }

    public String jobId() {
        return jobId;
    }

    public String name() {
        return name;
    }

    public Configuration configuration() {
        return configuration;
    }

    public List<JobVertex> vertices() {
        return Collections.unmodifiableList(vertices);
    }

    public List<JobEdge> edges() {
        return Collections.unmodifiableList(edges);
    }

    public JobVertex vertex(int id) {
        return vertices.get(id);
    }

    public JobEdge edge(int id) {
        return edges.get(id);
    }

    /** Adds a vertex; its id must be the next index. */
    public void addVertex(JobVertex vertex) {
        if (vertex.id() != vertices.size()) {
            throw new IllegalArgumentException("Vertex ids must be dense and in order");
        }
        vertices.add(vertex);
    }

    /** Adds an edge; its id must be the next index, its vertices already present. */
    public void addEdge(JobEdge edge) {
        if (edge.id() != edges.size()) {
            throw new IllegalArgumentException("Edge ids must be dense and in order");
        }
        edges.add(edge);
        vertices.get(edge.sourceVertex()).outputs.add(edge.id());
        vertices.get(edge.targetVertex()).inputs.add(edge.id());
    }

    /** Human-readable plan: one line per vertex with its chain and inputs. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (JobVertex v : vertices) {
            sb.append(v.id()).append(": ").append(v.name()).append(" p=").append(v.parallelism());
            for (int e : v.inputEdges()) {
                JobEdge edge = edges.get(e);
                sb.append(" <- ").append(edge.sourceVertex()).append(' ').append(edge.partitioner().name())
                        .append('/').append(edge.exchangeMode());
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
