package dev.eliza.pluginhost;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The plugins installed through the API, in PostgreSQL: what every node sharing the database runs. A jar is kept
 * whole with its SHA-256 (plugin jars are small, and the HTTP body limit bounds them).
 */
final class PluginCatalog {
    /** One catalogued plugin without its jar; public so MyBatis constructs it. */
    public record Entry(String id, String sha256, boolean enabled, long generation) {
    }

    private final SqlSessionFactory sessions;

    PluginCatalog(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Adds the plugin; false when the id is catalogued already. */
    boolean add(String id, byte[] jar, String sha256) {
        return run(m -> m.insert(id, jar, sha256) > 0);
    }

    List<Entry> entries() {
        return run(PluginJarMapper::entries);
    }

    /** The jar with that digest; empty when the plugin was removed or replaced meanwhile. */
    Optional<byte[]> jar(String id, String sha256) {
        return run(m -> m.jar(id, sha256)).stream().findFirst();
    }

    /** Records a reload, returning the plugin's new generation; empty when the plugin is not catalogued. */
    Optional<Long> reloaded(String id) {
        return Optional.ofNullable(run(m -> m.reloaded(id)));
    }

    void enabled(String id, boolean enabled) {
        run(m -> m.enabled(id, enabled));
    }

    void remove(String id) {
        run(m -> m.delete(id));
    }

    private <T> T run(Function<PluginJarMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(PluginJarMapper.class));
        }
    }
}
