package dev.eliza.agents.impl;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.AgentWorld;
import dev.eliza.agents.api.AgentWorlds;
import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;
import dev.eliza.persistence.api.SqlStates;

/** {@link Worlds} and the {@link AgentWorlds} contract over the {@code agent_worlds} table. */
@Component(service = {Worlds.class, AgentWorlds.class})
public final class WorldStore implements Worlds, AgentWorlds {
    private final SqlSessionFactory sessions;
    private final Clock clock;

    /** Migrating here too is safe: the database applies each migration once, whichever store activates first. */
    @Activate
    public WorldStore(@Reference Database database, BundleContext context) {
        this(database, context.getBundle().adapt(BundleWiring.class).getClassLoader(),
                Migration.scan(context.getBundle(), "db/agents"), Clock.systemUTC());
    }

    WorldStore(Database database, ClassLoader loader, List<Migration> migrations, Clock clock) {
        database.migrate("agents", migrations);
        this.sessions = database.sessionFactory(loader, WorldMapper.class);
        this.clock = clock;
    }

    @Override
    public List<AgentWorld> list(Optional<UUID> agentId) {
        return run(mapper -> agentId.map(mapper::findByAgent).orElseGet(mapper::findAll).stream()
                .map(WorldStore::toWorld).toList());
    }

    @Override
    public AgentWorld create(UUID agentId, String name, ObjectNode metadata, Optional<UUID> messageServerId) {
        UUID id = UUID.randomUUID();
        // Stored at millisecond precision, the precision the wire shows, so a read gives back what was answered.
        Instant now = Instant.ofEpochMilli(clock.millis());
        try {
            return run(mapper -> {
                if (mapper.insert(id, agentId, name, Json.write(metadata), messageServerId.orElse(null), now) == 0) {
                    throw AgentRefs.notFound();
                }
                return toWorld(mapper.find(agentId, id));
            });
        } catch (RuntimeException e) {
            throw agentDeletedMeanwhile(e) ? AgentRefs.notFound() : e;
        }
    }

    @Override
    public Optional<AgentWorld> update(UUID agentId, UUID worldId, Optional<String> name,
                                      Optional<ObjectNode> metadata) {
        return run(mapper -> {
            if (mapper.update(agentId, worldId, name.orElse(null), metadata.map(Json::write).orElse(null)) == 0) {
                return Optional.empty();
            }
            return Optional.of(toWorld(mapper.find(agentId, worldId)));
        });
    }

    @Override
    public Optional<AgentWorld> find(UUID worldId) {
        return run(mapper -> Optional.ofNullable(mapper.findById(worldId)).map(WorldStore::toWorld));
    }

    @Override
    public AgentWorld ensure(UUID worldId, UUID agentId, String name, ObjectNode metadata,
                             Optional<UUID> messageServerId) {
        Instant now = Instant.ofEpochMilli(clock.millis());
        Supplier<NoSuchElementException> gone = () -> new NoSuchElementException("Agent not found: " + agentId);
        try {
            return run(mapper -> {
                mapper.insertIfAbsent(worldId, agentId, name, Json.write(metadata), messageServerId.orElse(null), now);
                return Optional.ofNullable(mapper.findById(worldId)).map(WorldStore::toWorld).orElseThrow(gone);
            });
        } catch (RuntimeException e) {
            throw agentDeletedMeanwhile(e) ? gone.get() : e;
        }
    }

    @Override
    public boolean delete(UUID worldId) {
        return run(mapper -> mapper.delete(worldId) > 0);
    }

    /**
     * The insert's {@code EXISTS} saw the agent, but its deletion committed before the foreign key was checked:
     * the same answer as had the insert come just after.
     */
    private static boolean agentDeletedMeanwhile(RuntimeException failure) {
        return SqlStates.is(failure, SqlStates.FOREIGN_KEY_VIOLATION);
    }

    private <T> T run(Function<WorldMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(WorldMapper.class));
        }
    }

    private static AgentWorld toWorld(WorldRow row) {
        return new AgentWorld(row.id(), row.agentId(), row.name(), Json.object(row.metadataJson()),
                Optional.ofNullable(row.messageServerId()), row.createdAt());
    }
}
