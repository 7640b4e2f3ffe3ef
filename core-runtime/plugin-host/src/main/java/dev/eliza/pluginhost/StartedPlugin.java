package dev.eliza.pluginhost;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one started plugin added to the platform (routes, listener, running services), each with its undo;
 * closing undoes them newest first, so a plugin always leaves the way it came in, also half way through a start.
 */
final class StartedPlugin implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StartedPlugin.class);

    /** Taking back one thing the plugin added. */
    @FunctionalInterface
    interface Undo {
        void run() throws Exception;
    }

    private final String pluginId;
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final List<String> routes = new ArrayList<>();

    StartedPlugin(String pluginId) {
        this.pluginId = pluginId;
    }

    void added(Undo action) {
        undo.push(action);
    }

    void served(List<String> paths) {
        routes.addAll(paths);
    }

    /** The paths the plugin serves, as {@code GET /api/plugins} shows them. */
    List<String> routes() {
        return List.copyOf(routes);
    }

    @Override
    public void close() {
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (Exception | LinkageError e) {
                LOG.warn("Plugin {} did not stop cleanly: {}", pluginId, e.toString());
            }
        }
        routes.clear();
    }
}
