package dev.eliza.agents.impl;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import dev.eliza.persistence.api.Database;

/** {@link LaunchMarkers} over the {@code agent_launch_markers} table (migrated by the agent store). */
final class LaunchMarkerStore implements LaunchMarkers {
    private final SqlSessionFactory sessions;

    LaunchMarkerStore(Database database, ClassLoader loader) {
        this.sessions = database.sessionFactory(loader, LaunchMarkerMapper.class);
    }

    @Override
    public boolean claim(String name) {
        try (SqlSession session = sessions.openSession(true)) {
            return session.getMapper(LaunchMarkerMapper.class).claim(name) == 1;
        }
    }
}
