package dev.eliza.pluginhost;

import java.util.Optional;
import java.util.function.Function;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import dev.eliza.sdk.KeyValueStore;

/** One plugin's {@link KeyValueStore} over the {@code plugin_kv} table. */
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
            throw new IllegalStateException("The value under " + key + " is not a whole number", e);
        }
    }

    private <T> T run(Function<PluginKvMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(PluginKvMapper.class));
        }
    }
}
