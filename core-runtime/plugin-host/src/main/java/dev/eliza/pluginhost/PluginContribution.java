package dev.eliza.pluginhost;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.DomainContribution;

/** Routes a started plugin adds to the HTTP server; a refusal is handed to whoever registered them. */
record PluginContribution(String domain, List<String> pathPrefixes, Set<Object> resources, String basePath,
                          Consumer<String> onRefused) implements DomainContribution {

    static String globalBasePath(String pluginId) {
        return "/api/plugins/" + pluginId;
    }

    /** The plugin's global routes, at {@code /api/plugins/<id>}. */
    static PluginContribution globalRoutes(String pluginId, Set<Object> resources, PluginRouteInvoker invoker,
                                           Consumer<String> onRefused) {
        Set<Object> served = new HashSet<>(resources);
        served.add(new PlatformUnavailableMapper());
        served.add(invoker.binder());
        return new PluginContribution("plugin:" + pluginId, List.of(globalBasePath(pluginId)), Set.copyOf(served),
                globalBasePath(pluginId), onRefused);
    }

    /** The plugin's agent routes in their {@code /<segment>?agentId=} form, one prefix per segment. */
    static PluginContribution agentRoutesByQuery(String pluginId, List<String> segments, AgentRouteTable table,
                                                 Supplier<Optional<AgentDirectory>> agents,
                                                 PluginRouteInvoker invoker, Consumer<String> onRefused) {
        return new PluginContribution("plugin:" + pluginId + ":agent-routes",
                segments.stream().map(segment -> "/" + segment).toList(),
                Set.of(new AgentPluginsResource(table, agents), new AgentQueryRewrite(),
                        new PlatformUnavailableMapper(), invoker.binder()), "", onRefused);
    }

    @Override
    public void refused(String reason) {
        onRefused.accept(reason);
    }
}
