package dev.eliza.pluginhost;

import java.util.List;
import java.util.Set;

import dev.eliza.http.api.DomainContribution;

/** A started plugin's global routes, mounted at {@code /api/plugins/<id>}. */
record PluginRoutes(String pluginId, Set<Object> resources) implements DomainContribution {

    static String basePathOf(String pluginId) {
        return "/api/plugins/" + pluginId;
    }

    @Override
    public String domain() {
        return "plugin:" + pluginId;
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(basePathOf(pluginId));
    }

    @Override
    public String basePath() {
        return basePathOf(pluginId);
    }
}
