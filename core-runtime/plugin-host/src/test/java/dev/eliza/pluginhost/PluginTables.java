package dev.eliza.pluginhost;

import dev.eliza.persistence.impl.SharedTestDatabase;

/** The plugin host's migrations, applied to the shared test database as the bundle applies them. */
final class PluginTables {
    private PluginTables() {
    }

    static void migrate() {
        SharedTestDatabase.get().migrate("plugins", SharedTestDatabase.migrations(
                PluginTables.class.getClassLoader(), "db/plugins", "create plugin kv", "create plugin jars"));
    }
}
