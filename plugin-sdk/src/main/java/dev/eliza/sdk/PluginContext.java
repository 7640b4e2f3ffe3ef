package dev.eliza.sdk;

import java.util.Map;

/**
 * What the platform offers one plugin: its settings, a logger, a durable store, read access to agents and a way to
 * post channel messages. It is handed to every extension; it stays valid while the plugin is started.
 */
public interface PluginContext {

    /** The plugin's id, from its {@code Plugin-Id} manifest header. */
    String pluginId();

    /** The plugin's settings: environment and platform properties named {@code PLUGIN_<ID>_<KEY>}, by key. */
    Map<String, String> settings();

    /** A logger whose records go to the platform log under the plugin's name. */
    System.Logger logger();

    /** The plugin's durable key-value store. */
    KeyValueStore store();

    /** The server's agents, read-only. */
    Agents agents();

    /** Posting messages into channels. */
    ChannelMessages messages();
}
