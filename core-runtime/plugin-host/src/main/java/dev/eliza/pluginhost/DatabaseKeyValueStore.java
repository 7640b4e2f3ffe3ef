package dev.eliza.pluginhost;

import java.util.Optional;
import java.util.function.Function;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import dev.eliza.http.api.DatabaseOutage;
import dev.eliza.persistence.api.SqlStates;
import dev.eliza.sdk.KeyValueStore;
import dev.eliza.sdk.PlatformUnavailableException;

/**
 * One plugin's {@link KeyValueStore} over the {@code plugin_kv} table. A database out of reach is the platform
 * being unavailable for now ({@link PlatformUnavailableException}: 503 from a route, and no fault of the plugin).
 */
record DatabaseKeyValueStore(String pluginId, SqlSessionFactory sessions) implements KeyValueStore {

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(run(mapper -> mapper.get(pluginId, key)));
    }

    @Override
    public void put(String key, String value) {
        run(mapper -> mapper.put(pluginId, key, value));
    }

    @Override
    public boolean remove(String key) {
        return run(mapper -> mapper.remove(pluginId, key)) > 0;
    }

    @Override
    public long increment(String key, long delta) {
        try {
            return run(mapper -> mapper.increment(pluginId, key, delta));
        } catch (PersistenceException e) {
            String state = SqlStates.of(e);
            // 22P02: the text is no number; 22003: the sum is beyond a bigint
            if (state.equals("22P02") || state.equals("22003")) {
                throw new IllegalStateException("The value under " + key + " is not a whole number", e);
            }
            throw e;
        }
    }

    private <T> T run(Function<PluginKvMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(PluginKvMapper.class));
        } catch (PersistenceException e) {
            if (DatabaseOutage.of(e).isPresent()) {
                throw new PlatformUnavailableException("The platform database is out of reach for now");
            }
            throw e;
        }
    }
}
