package dev.eliza.pluginhost;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.eliza.sdk.Agents;
import dev.eliza.sdk.ChannelMessages;
import dev.eliza.sdk.KeyValueStore;
import dev.eliza.sdk.PluginContext;

/**
 * A plugin's context: its id, its {@code PLUGIN_<ID>_<KEY>} environment settings, a logger named after it, its
 * key-value store, and the platform services it may use.
 */
record HostPluginContext(String pluginId, Map<String, String> settings, System.Logger logger, KeyValueStore store,
                         Agents agents, ChannelMessages messages) implements PluginContext {

    /** The platform services every plugin shares; the store is per plugin. */
    record Services(Map<String, String> environment, Agents agents, ChannelMessages messages) {
    }

    static HostPluginContext of(String pluginId, Services services, KeyValueStore store) {
        String prefix = "PLUGIN_" + pluginId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
        Map<String, String> settings = new TreeMap<>();
        services.environment().forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                settings.put(key.substring(prefix.length()).toLowerCase(Locale.ROOT), value);
            }
        });
        return new HostPluginContext(pluginId, Map.copyOf(settings), System.getLogger("plugin." + pluginId),
                store, services.agents(), services.messages());
    }
}
