package dev.spindle.yarn.am;

import dev.spindle.runtime.cluster.ResourceDriver;
import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.MemorySize;
import dev.spindle.runtime.jobmanager.JobManager;
import dev.spindle.runtime.taskmanager.TaskManagerMemory;
import dev.spindle.runtime.taskmanager.TaskManagerOptions;
import dev.spindle.runtime.taskmanager.TaskManagerRunner;
import dev.spindle.yarn.ContainerCommands;
import dev.spindle.yarn.ContainerResources;
import dev.spindle.yarn.Diagnostics;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.UpdatedContainer;
import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Gets TaskManagers from YARN: asks the ResourceManager for containers of the configured size,
 * launches a TaskManager in each, releases containers it did not ask for, and tells the JobManager
 * when a container failed to start so it may ask again. Callbacks arrive on the YARN clients'
 * threads; the state they share is concurrent or guarded by {@code this}.
 */
final class YarnResourceDriver extends AMRMClientAsync.AbstractCallbackHandler implements ResourceDriver {

    private static final Logger LOG = LogManager.getLogger(YarnResourceDriver.class);

    private final Configuration config;
    private final JobManager jobManager;
    private final MemorySize containerMemory;
    private final int slots;
    private final ArrayDeque<ContainerRequest> pending = new ArrayDeque<>();
    private final Map<ContainerId, Container> running = new ConcurrentHashMap<>();
    private final Set<ContainerId> released = ConcurrentHashMap.newKeySet();
    private final ShutdownListener shutdownListener;
    private AMRMClientAsync<ContainerRequest> resourceManager;
    private NMClientAsync nodeManagers;
    private String jobManagerHost;
    private int jobManagerPort;

    /** Told when YARN asks the ApplicationMaster to stop or the RM connection fails. */
    interface ShutdownListener {
        void onShutdown(String reason);
    }

    private final ContainerResources resources;

    YarnResourceDriver(Configuration config, ContainerResources resources, JobManager jobManager,
                       ShutdownListener shutdownListener) {
        this.config = config;
        this.resources = resources;
        this.jobManager = jobManager;
        this.containerMemory = config.get(TaskManagerOptions.PROCESS_MEMORY);
        this.slots = config.get(TaskManagerOptions.NUM_SLOTS);
        this.shutdownListener = shutdownListener;
    }

    void connect(AMRMClientAsync<ContainerRequest> rm, NMClientAsync nm) {
        this.resourceManager = rm;
        this.nodeManagers = nm;
    }

    int slotsPerWorker() {
        return slots;
    }

    @Override
    public synchronized void requestWorkers(int count, String host, int port) {
        this.jobManagerHost = host;
        this.jobManagerPort = port;
        for (int i = 0; i < count; i++) {
            ContainerRequest request = new ContainerRequest(Resource.newInstance(containerMemory.mebiBytes(), slots),
                    null, null, Priority.newInstance(1));
            pending.add(request);
            resourceManager.addContainerRequest(request);
        }
        LOG.info("Asked YARN for {} TaskManager container(s) of {} MB", count, containerMemory.mebiBytes());
    }

    @Override
    public void onContainersAllocated(List<Container> containers) {
        for (Container c : containers) {
            ContainerRequest request;
            synchronized (this) {
                request = pending.poll();
            }
            if (request == null) {
                released.add(c.getId());
                resourceManager.releaseAssignedContainer(c.getId());
                continue;
            }
            resourceManager.removeContainerRequest(request);
            running.put(c.getId(), c);
            LOG.info("Starting a TaskManager in {} on {}", c.getId(), c.getNodeId());
            nodeManagers.startContainerAsync(c, launchContext());
        }
    }

    private ContainerLaunchContext launchContext() {
        TaskManagerMemory memory = TaskManagerMemory.derive(containerMemory);
        String command = ContainerCommands.java(containerMemory, TaskManagerRunner.class.getName(), "taskmanager", List.of(
                jobManagerHost, Integer.toString(jobManagerPort), "@" + ContainerResources.CONFIG_FILE,
                "taskmanager.host=" + ApplicationConstants.Environment.NM_HOST.$$(),
                "taskmanager.resource-id=" + ApplicationConstants.Environment.CONTAINER_ID.$$(),
                "taskmanager.memory.network=" + memory.networkBytes(),
                // The application's directories on every NodeManager disk: spills spread over the disks
                // and YARN deletes them when the application ends, whatever happened to the container.
                "io.tmp.dirs=" + ApplicationConstants.Environment.LOCAL_DIRS.$$()));
        Map<String, String> env = Map.of(ApplicationConstants.Environment.CLASSPATH.name(), resources.classpath());
        return ContainerLaunchContext.newInstance(resources.toLocalResources(), env,
                List.of("mkdir -p tmp && " + command), null, (ByteBuffer) null, null);
    }

    @Override
    public void onContainersCompleted(List<ContainerStatus> statuses) {
        for (ContainerStatus s : statuses) {
            if (released.remove(s.getContainerId())) {
                continue;
            }
            if (running.remove(s.getContainerId()) != null) {
                String reason = "TaskManager container " + s.getContainerId() + " exited with status "
                        + s.getExitStatus() + ": " + Diagnostics.firstLine(s.getDiagnostics());
                LOG.warn(reason);
                jobManager.workerFailedToStart(reason);
            }
        }
    }

    @Override
    public void onContainersUpdated(List<UpdatedContainer> containers) {
    }

    @Override
    public void onShutdownRequest() {
        shutdownListener.onShutdown("the ResourceManager asked the ApplicationMaster to shut down");
    }

    @Override
    public void onNodesUpdated(List<NodeReport> updatedNodes) {
    }

    @Override
    public float getProgress() {
        return 0.5f;
    }

    @Override
    public void onError(Throwable e) {
        shutdownListener.onShutdown("lost the ResourceManager: " + e);
    }

    /** Node manager callbacks: only failures matter. */
    NMClientAsync.AbstractCallbackHandler nodeManagerCallbacks() {
        return new NMClientAsync.AbstractCallbackHandler() {
            @Override
            public void onContainerStarted(ContainerId id, Map<String, ByteBuffer> allServiceResponse) {
            }

            @Override
            public void onContainerStatusReceived(ContainerId id, ContainerStatus status) {
            }

            @Override
            public void onContainerStopped(ContainerId id) {
            }

            @Override
            public void onStartContainerError(ContainerId id, Throwable t) {
                running.remove(id);
                jobManager.workerFailedToStart("could not start container " + id + ": " + t);
            }

            @Override
            public void onContainerResourceIncreased(ContainerId id, Resource resource) {
            }

            @Override
            public void onContainerResourceUpdated(ContainerId id, Resource resource) {
            }

            @Override
            public void onGetContainerStatusError(ContainerId id, Throwable t) {
            }

            @Override
            public void onIncreaseContainerResourceError(ContainerId id, Throwable t) {
            }

            @Override
            public void onUpdateContainerResourceError(ContainerId id, Throwable t) {
            }

            @Override
            public void onStopContainerError(ContainerId id, Throwable t) {
            }
        };
    }

    /** The JobManager let an idle TaskManager go; its container id is the id it registered with. */
    @Override
    public void releaseWorker(String workerId) {
        for (Container c : running.values()) {
            if (c.getId().toString().equals(workerId)) {
                released.add(c.getId());
                running.remove(c.getId());
                LOG.info("Releasing idle TaskManager container {}", c.getId());
                nodeManagers.stopContainerAsync(c.getId(), c.getNodeId());
                resourceManager.releaseAssignedContainer(c.getId());
                return;
            }
        }
    }

    /** Stops every TaskManager container this driver started. */
    @Override
    public void close() {
        for (Container c : running.values()) {
            released.add(c.getId());
            nodeManagers.stopContainerAsync(c.getId(), c.getNodeId());
        }
        running.clear();
    }
}
