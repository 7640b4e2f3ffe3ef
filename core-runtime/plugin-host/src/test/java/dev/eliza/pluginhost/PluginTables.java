package dev.eliza.pluginhost;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.eliza.persistence.api.Migration;
import dev.eliza.persistence.impl.SharedTestDatabase;

/** The plugin host's migrations, applied to the shared test database as the bundle applies them. */
final class PluginTables {
    private PluginTables() {
    }

    static void migrate() throws IOException {
        SharedTestDatabase.get().migrate("plugins", List.of(
                new Migration(1, "create plugin kv", sql("V1__create_plugin_kv")),
                new Migration(2, "create plugin jars", sql("V2__create_plugin_jars"))));
    }

    private static String sql(String name) throws IOException {
        try (InputStream in = PluginTables.class.getClassLoader().getResourceAsStream("db/plugins/" + name + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
