package dev.eliza.runtime;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentJournal;
import dev.eliza.agents.api.AgentRunner;
import dev.eliza.agents.api.AgentStatus;
import dev.eliza.events.api.PlatformEvents;
import dev.eliza.messaging.api.AgentInbox;
import dev.eliza.messaging.api.AgentReplies;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.ChannelTitles;
import dev.eliza.messaging.api.Delivery;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.memory.api.AgentMemories;
import dev.eliza.models.api.AgentEmbeddings;
import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ModelProvider;
import dev.eliza.persistence.api.Cluster;
import dev.eliza.rooms.api.AgentRooms;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The agent runtime as services: it runs agents ({@link AgentRunner}), answers the messages addressed to them
 * ({@link AgentInbox}) and names channels ({@link ChannelTitles}). On activation it starts the agents that should
 * run and takes the deliveries left {@code received}; on deactivation (a swap, a shutdown) it stops taking work,
 * lets in-flight replies finish within {@code AGENT_STOP_WAIT_MS} and gives back the rest.
 */
@Component(service = {AgentRunner.class, AgentInbox.class, ChannelTitles.class, AgentEmbeddings.class})
public final class AgentRuntimeComponent implements AgentRunner, AgentInbox, ChannelTitles, AgentEmbeddings {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntimeComponent.class);
    /** Below this cosine similarity, all-MiniLM-L6-v2 finds sentences unrelated: such memories are noise. */
    private static final double RECALL_THRESHOLD = 0.3;

    private final ProviderRegistry providers = new ProviderRegistry();
    private final RunJournal journal = new RunJournal(Clock.systemUTC());
    /** Made before the constructor runs its course: the optional registry may be bound first. */
    private final RuntimeMeters meters = new RuntimeMeters();
    private final AgentDirectory directory;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final AgentLifecycle lifecycle;
    private final Inbox inbox;
    private final TitleMaker titles;
    private final AgentEmbedder embedder;
    private final RoomMemory memory;
    private final ClusterAgents clusterAgents;
    private volatile Optional<AgentMemories> memories = Optional.empty();
    private volatile Optional<AgentRooms> rooms = Optional.empty();

    @Activate
    public AgentRuntimeComponent(BundleContext context, @Reference AgentDirectory directory,
                                 @Reference AgentReplies replies, @Reference MessageService messages,
                                 @Reference PlatformEvents events, @Reference Cluster cluster) {
        RuntimeSettings settings = RuntimeSettings.from(context::getProperty);
        Clock clock = Clock.systemUTC();
        this.directory = directory;
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named("agent-runtime-"));
        ((ThreadPoolExecutor) workers).allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor scheduled = new ScheduledThreadPoolExecutor(1, named("agent-runtime-timer-"));
        scheduled.setRemoveOnCancelPolicy(true);
        this.timer = scheduled;
        ProviderSettingsResolver resolver = new ProviderSettingsResolver(System.getenv());
        this.lifecycle = new AgentLifecycle(directory, providers, resolver, events, clock, settings.stopWait());
        this.embedder = new AgentEmbedder(directory, lifecycle, providers, resolver);
        this.memory = new RoomMemory(settings.recallLimit(), RECALL_THRESHOLD);
        memory.bind(memories, rooms);
        RuntimeParts parts = new RuntimeParts(new MeteredReplies(replies, meters), messages, directory, lifecycle,
                providers, resolver, new PromptComposer(), memory, journal,
                events, workers, (delay, task) -> timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
                clock, settings, meters);
        this.inbox = new Inbox(parts);
        this.titles = new TitleMaker(parts);
        this.clusterAgents = new ClusterAgents(cluster, directory, lifecycle, workers);
        clusterAgents.open();
        workers.execute(this::resume);
        long scan = settings.scanInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> workers.execute(this::scan), scan, scan, TimeUnit.MILLISECONDS);
    }

    /** Brings back the agents that should run, then answers what arrived while the runtime was away. */
    private void resume() {
        clusterAgents.reconcile();
        LOG.info("Agent runtime resumed {} agent(s)", lifecycle.activeIds().size());
        inbox.fetchPending();
    }

    /** Takes over the deliveries of nodes gone, and catches up with agent changes a lost message did not tell. */
    private void scan() {
        try {
            clusterAgents.reconcile();
            inbox.fetchPending();
        } catch (RuntimeException e) {
            LOG.warn("The runtime's scan for work failed: {}", e.getMessage());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(ModelProvider provider) {
        providers.add(provider);
        // a provider may arrive after the runtime (boot order, a swap): agents and messages waiting for it go on
        if (inbox != null) {
            workers.execute(() -> {
                lifecycle.retryWaiting();
                inbox.providerArrived();
            });
        }
    }

    void removeProvider(ModelProvider provider) {
        providers.remove(provider);
    }

    /** The platform's meter registry, while the metrics bundle runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindMeterRegistry(MeterRegistry registry) {
        meters.add(registry);
    }

    void unbindMeterRegistry(MeterRegistry registry) {
        meters.remove(registry);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindJournal(AgentJournal value) {
        journal.bind(value);
    }

    void unbindJournal(AgentJournal value) {
        journal.unbind(value);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindMemories(AgentMemories value) {
        memories = Optional.of(value);
        rebindMemory();
    }

    void unbindMemories(AgentMemories value) {
        memories = Optional.empty();
        rebindMemory();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindRooms(AgentRooms value) {
        rooms = Optional.of(value);
        rebindMemory();
    }

    void unbindRooms(AgentRooms value) {
        rooms = Optional.empty();
        rebindMemory();
    }

    /** DS may bind before the constructor has made {@code memory}; the constructor binds what came first. */
    private void rebindMemory() {
        if (memory != null) {
            memory.bind(memories, rooms);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        clusterAgents.close();
        inbox.close();
        timer.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }

    @Override
    public AgentStatus start(UUID agentId) {
        AgentStatus status = lifecycle.start(agentId);
        clusterAgents.changed(agentId, true);
        return status;
    }

    @Override
    public AgentStatus stop(UUID agentId) {
        AgentStatus status = lifecycle.stop(agentId);
        clusterAgents.changed(agentId, false);
        return status;
    }

    @Override
    public AgentStatus status(UUID agentId) {
        return lifecycle.status(agentId);
    }

    @Override
    public void deliver(Delivery delivery) {
        inbox.deliver(delivery);
    }

    @Override
    public Optional<String> title(UUID agentId, List<ChannelMessage> messages) {
        return titles.title(agentId, messages);
    }

    @Override
    public Embedding embed(UUID agentId, String text) {
        return embedder.embed(agentId, text);
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
