package dev.eliza.agents.impl;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;

/** {@link Worlds} over the {@code agent_worlds} table. */
@Component(service = Worlds.class)
public final class WorldStore implements Worlds {
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
    public List<World> list(Optional<UUID> agentId) {
        return run(mapper -> agentId.map(mapper::findByAgent).orElseGet(mapper::findAll).stream()
                .map(WorldStore::toWorld).toList());
    }

    @Override
    public World create(UUID agentId, String name, ObjectNode metadata, Optional<UUID> messageServerId) {
        UUID id = UUID.randomUUID();
        // Stored at millisecond precision, the precision the wire shows, so a read gives back what was answered.
        Instant now = Instant.ofEpochMilli(clock.millis());
        return run(mapper -> {
            if (mapper.insert(id, agentId, name, Json.write(metadata), messageServerId.orElse(null), now) == 0) {
                throw AgentRefs.notFound();
            }
            return toWorld(mapper.find(agentId, id));
        });
    }

    @Override
    public Optional<World> update(UUID agentId, UUID worldId, Optional<String> name, Optional<ObjectNode> metadata) {
        return run(mapper -> {
            if (mapper.update(agentId, worldId, name.orElse(null), metadata.map(Json::write).orElse(null)) == 0) {
                return Optional.empty();
            }
            return Optional.of(toWorld(mapper.find(agentId, worldId)));
        });
    }

    private <T> T run(Function<WorldMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(WorldMapper.class));
        }
    }

    private static World toWorld(WorldRow row) {
        return new World(row.id(), row.agentId(), row.name(), Json.object(row.metadataJson()),
                Optional.ofNullable(row.messageServerId()), row.createdAt());
    }
}
