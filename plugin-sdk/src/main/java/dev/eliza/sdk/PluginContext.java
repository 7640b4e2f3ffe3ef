package dev.eliza.sdk;

import java.util.Map;

/** What the platform offers one plugin. */
public interface PluginContext {

    /** The plugin's id, from its {@code Plugin-Id} manifest header. */
    String pluginId();

    /** The plugin's settings: environment and platform properties named {@code PLUGIN_<ID>_<KEY>}, by key. */
    Map<String, String> settings();

    /** A logger whose records go to the platform log under the plugin's name. */
    System.Logger logger();

    /** The plugin's durable key-value store. */
    KeyValueStore store();
}
