package dev.eliza.pluginhost;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.eliza.sdk.KeyValueStore;
import dev.eliza.sdk.PluginContext;

/**
 * A plugin's context: its id, its {@code PLUGIN_<ID>_<KEY>} environment settings, a logger named after it, its
 * key-value store.
 */
record EnvironmentPluginContext(String pluginId, Map<String, String> settings, System.Logger logger,
                                KeyValueStore store) implements PluginContext {

    static EnvironmentPluginContext of(String pluginId, Map<String, String> environment, KeyValueStore store) {
        String prefix = "PLUGIN_" + pluginId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
        Map<String, String> settings = new TreeMap<>();
        environment.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                settings.put(key.substring(prefix.length()).toLowerCase(Locale.ROOT), value);
            }
        });
        return new EnvironmentPluginContext(pluginId, Map.copyOf(settings), System.getLogger("plugin." + pluginId),
                store);
    }
}
