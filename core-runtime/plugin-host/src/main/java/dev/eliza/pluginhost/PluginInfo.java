package dev.eliza.pluginhost;

import java.util.List;

/** One plugin as {@code GET /api/plugins} shows it; {@code failure} is empty unless the plugin failed. */
record PluginInfo(String id, String version, String state, List<String> routes, String failure) {
}
