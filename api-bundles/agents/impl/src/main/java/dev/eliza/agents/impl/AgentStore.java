package dev.eliza.agents.impl;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.InvalidCharacterException;
import dev.eliza.events.api.AgentDeletedEvent;
import dev.eliza.events.api.PlatformEvents;
import dev.eliza.persistence.api.Cluster;
import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;

/**
 * The {@link AgentDirectory} over the {@code agents} table. The list and the ids of the agents that should run are
 * read-mostly, so they are kept in memory: this node's writes refresh them at once, other nodes' writes as soon as
 * the cluster tells of them ({@code agents.directory} topic), and within {@link #LIST_TTL} should that message be
 * lost. A change locks its row, so concurrent changes of one agent apply one after the other and none is lost.
 */
@Component(service = AgentDirectory.class)
public final class AgentStore implements AgentDirectory {
    /** How stale the list may be after a write by another node sharing the database. */
    static final Duration LIST_TTL = Duration.ofSeconds(1);
    static final String DIRECTORY_TOPIC = "agents.directory";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqlSessionFactory sessions;
    private final CharacterSecrets secrets;
    private final Clock clock;
    private final SnapshotCache<Listing> all;
    private final SnapshotCache<List<UUID>> active;
    private volatile ComponentServiceObjects<PlatformEvents> events;
    private volatile Cluster cluster;
    private AutoCloseable clusterSubscription;

    @Activate
    public AgentStore(@Reference Database database, BundleContext context) {
        this(database, context.getBundle().adapt(org.osgi.framework.wiring.BundleWiring.class).getClassLoader(),
                Migration.scan(context.getBundle(), "db/agents"),
                SecretKeys.load(Optional.ofNullable(context.getProperty("SECRET_SALT")).filter(s -> !s.isBlank()),
                        Path.of(Optional.ofNullable(context.getProperty("DATA_DIR")).orElse("data"))),
                Clock.systemUTC());
    }

    AgentStore(Database database, ClassLoader loader, List<Migration> migrations, byte[] key, Clock clock) {
        database.migrate("agents", migrations);
        this.sessions = database.sessionFactory(loader, AgentMapper.class);
        this.secrets = new CharacterSecrets(new SecretCipher(key));
        this.clock = clock;
        this.all = new SnapshotCache<>(
                () -> Listing.of(read(mapper -> mapper.findAll().stream().map(AgentStore::toAgent).toList())),
                LIST_TTL, System::nanoTime);
        // read by every post to a channel with agents in it: kept like the list, refreshed by the same changes
        this.active = new SnapshotCache<>(
                () -> List.copyOf(read(AgentMapper::findActiveIds)),
                LIST_TTL, System::nanoTime);
    }

    /** The other nodes sharing the database: an agent one of them creates, changes or deletes is seen here at once. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindCluster(Cluster value) {
        closeSubscription();
        cluster = value;
        clusterSubscription = value.subscribe(DIRECTORY_TOPIC, (origin, payload) -> {
            all.invalidate();
            active.invalidate();
        });
    }

    synchronized void unbindCluster(Cluster value) {
        if (cluster == value) {
            closeSubscription();
            cluster = null;
        }
    }

    private void closeSubscription() {
        if (clusterSubscription != null) {
            try {
                clusterSubscription.close();
            } catch (Exception e) {
                // the cluster is going away with its subscriptions
            }
            clusterSubscription = null;
        }
    }

    /** After a write (committed or not): this node reads again, and so do the others. */
    private void changed() {
        all.invalidate();
        active.invalidate();
        Cluster current = cluster;
        if (current != null) {
            current.publish(DIRECTORY_TOPIC, "changed");
        }
    }

    /** The same list instance until the agents change, so callers may keep what they derive from it. */
    @Override
    public List<Agent> list() {
        return all.get().agents();
    }

    /** Every agent, with their ids apart for a quick membership test. */
    private record Listing(List<Agent> agents, Set<UUID> ids) {
        static Listing of(List<Agent> agents) {
            return new Listing(agents, agents.stream().map(Agent::id).collect(Collectors.toUnmodifiableSet()));
        }
    }

    /** From the listing while it holds the agent; one made on another node a moment ago is looked up. */
    @Override
    public boolean exists(UUID id) {
        return all.get().ids().contains(id) || find(id).isPresent();
    }

    @Override
    public long count() {
        return read(AgentMapper::count);
    }

    @Override
    public Optional<Agent> find(UUID id) {
        return read(mapper -> Optional.ofNullable(mapper.findById(id)).map(AgentStore::toAgent));
    }

    @Override
    public Agent create(ObjectNode character) {
        ObjectNode stored = character.deepCopy();
        UUID id = idOf(stored);
        stored.put("id", id.toString());
        CharacterValidator.validate(stored);
        secrets.encrypt(stored);
        try (SqlSession session = sessions.openSession(true)) {
            AgentMapper mapper = session.getMapper(AgentMapper.class);
            mapper.upsert(id, stored.get("name").asText(), write(stored), clock.instant());
            return toAgent(mapper.findById(id));
        } finally {
            changed();
        }
    }

    @Override
    public Optional<Agent> update(UUID id, ObjectNode changes) {
        try (SqlSession session = sessions.openSession(false)) {
            AgentMapper mapper = session.getMapper(AgentMapper.class);
            AgentRow row = mapper.lockById(id);
            if (row == null) {
                return Optional.empty();
            }
            ObjectNode patch = changes.deepCopy();
            boolean enabled = patch.has("enabled") ? patch.remove("enabled").asBoolean(row.enabled()) : row.enabled();
            patch.remove(List.of("id", "status", "createdAt", "updatedAt"));
            ObjectNode character = parse(row.characterJson());
            CharacterMerge.merge(character, patch);
            CharacterValidator.validate(character);
            secrets.encrypt(character);
            Instant now = clock.instant();
            mapper.update(id, character.get("name").asText(), enabled, write(character), now);
            session.commit();
            return Optional.of(toAgent(mapper.findById(id)));
        } finally {
            changed();
        }
    }

    /** Announces the deletion so the domains keeping data of the agent drop it (see {@link AgentDeletedEvent}). */
    @Override
    public boolean delete(UUID id) {
        boolean deleted;
        try {
            deleted = read(mapper -> mapper.delete(id) > 0);
        } finally {
            changed();
        }
        ComponentServiceObjects<PlatformEvents> current = events;
        if (deleted && current != null) {
            PlatformEvents bus = current.getService();
            try {
                bus.publish(new AgentDeletedEvent(id, clock.instant()));
            } finally {
                current.ungetService(bus);
            }
        }
        return deleted;
    }

    /**
     * Taken as service objects, got only when an agent is deleted: the listeners of the events bus (memory, rooms)
     * need this directory, so getting the bus while this component activates would be a cycle.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindEvents(ComponentServiceObjects<PlatformEvents> service) {
        this.events = service;
    }

    void unbindEvents(ComponentServiceObjects<PlatformEvents> service) {
        if (this.events == service) {
            this.events = null;
        }
    }

    @Override
    public Map<String, String> secrets(UUID id) {
        return find(id).map(agent -> secrets.decrypt(agent.character())).orElse(Map.of());
    }

    @Override
    public boolean markActive(UUID id, boolean wanted) {
        try {
            return read(mapper -> mapper.markActive(id, wanted) > 0);
        } finally {
            changed();
        }
    }

    /** From memory, as fresh as {@link #list()}. */
    @Override
    public List<UUID> activeIds() {
        return active.get();
    }

    @Override
    public boolean shouldRun(UUID id) {
        if (active.get().contains(id)) {
            return true;
        }
        boolean wanted = Boolean.TRUE.equals(read(mapper -> mapper.findDesiredActive(id)));
        if (wanted) {
            // started on another node, whose message has not come yet
            active.invalidate();
        }
        return wanted;
    }

    private <T> T read(Function<AgentMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(AgentMapper.class));
        }
    }

    private static UUID idOf(ObjectNode character) {
        if (!character.hasNonNull("id")) {
            return UUID.randomUUID();
        }
        return Uuids.parse(character.get("id").asText()).orElseThrow(
                () -> new InvalidCharacterException("Character validation failed: id: Invalid UUID"));
    }

    private static Agent toAgent(AgentRow row) {
        return new Agent(row.id(), row.enabled(), row.createdAt().toEpochMilli(), row.updatedAt().toEpochMilli(),
                parse(row.characterJson()));
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored character is not JSON", e);
        }
    }

    private static String write(ObjectNode character) {
        try {
            return JSON.writeValueAsString(character);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Character cannot be written as JSON", e);
        }
    }
}
