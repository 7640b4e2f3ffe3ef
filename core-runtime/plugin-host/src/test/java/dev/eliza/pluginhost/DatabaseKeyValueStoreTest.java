package dev.eliza.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import dev.eliza.persistence.impl.SharedTestDatabase;
import dev.eliza.sdk.PlatformUnavailableException;

/** A plugin's store on a real PostgreSQL, and on one out of reach. */
class DatabaseKeyValueStoreTest {
    private final String plugin = "kv-" + UUID.randomUUID();

    @BeforeAll
    static void migrate() throws IOException {
        PluginTables.migrate();
    }

    @Test
    void incrementCountsAndRefusesAValueThatIsNoWholeNumber() {
        DatabaseKeyValueStore store = new DatabaseKeyValueStore(plugin,
                SharedTestDatabase.get().sessionFactory(getClass().getClassLoader(), PluginKvMapper.class));
        assertThat(store.increment("n", 2)).isEqualTo(2);
        assertThat(store.increment("n", 3)).isEqualTo(5);
        store.put("word", "seven");

        assertThatThrownBy(() -> store.increment("word", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("The value under word is not a whole number");
        assertThat(store.get("word")).hasValue("seven");
    }

    @Test
    void aDatabaseOutOfReachIsThePlatformUnavailableNotABadValue() throws IOException {
        DatabaseKeyValueStore store = new DatabaseKeyValueStore(plugin, unreachable());

        assertThatThrownBy(() -> store.increment("n", 1)).isInstanceOf(PlatformUnavailableException.class)
                .hasMessageContaining("out of reach");
        assertThatThrownBy(() -> store.get("n")).isInstanceOf(PlatformUnavailableException.class);
        assertThatThrownBy(() -> store.put("n", "1")).isInstanceOf(PlatformUnavailableException.class);
    }

    private static SqlSessionFactory unreachable() throws IOException {
        PGSimpleDataSource closed = new PGSimpleDataSource();
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed.setURL("jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/postgres");
        }
        closed.setConnectTimeout(5);
        Configuration configuration = new Configuration(new Environment("closed", new JdbcTransactionFactory(),
                closed));
        configuration.addMapper(PluginKvMapper.class);
        return new SqlSessionFactoryBuilder().build(configuration);
    }
}
