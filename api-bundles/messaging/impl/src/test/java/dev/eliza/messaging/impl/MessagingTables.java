package dev.eliza.messaging.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.eliza.persistence.impl.SharedTestDatabase;

/** The messaging tables on the shared test database: migrated, emptied, and used through a {@link Sql}. */
final class MessagingTables {
    private MessagingTables() {
    }

    /** Migrates the tables, empties them (the default server stays) and gives a {@link Sql} over every mapper. */
    static Sql fresh() throws SQLException {
        SharedTestDatabase database = SharedTestDatabase.get();
        ClassLoader loader = MessagingTables.class.getClassLoader();
        database.migrate("messaging", SharedTestDatabase.migrations(loader, "db/messaging", "create messaging"));
        execute("TRUNCATE deliveries, messages, channel_participants, channels CASCADE");
        return new Sql(database.sessionFactory(loader, ChannelMapper.class, MessageMapper.class,
                DeliveryMapper.class, ServerMapper.class));
    }

    static void execute(String sql) throws SQLException {
        try (Connection c = SharedTestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
