package dev.eliza.pluginhost;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.eliza.http.api.ApiSuccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/plugins}: every plugin with its version, state, routes and failure reason. */
@Path("/api/plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginsResource {
    private final Supplier<List<PluginInfo>> plugins;

    PluginsResource(Supplier<List<PluginInfo>> plugins) {
        this.plugins = plugins;
    }

    @GET
    public ApiSuccess<Map<String, List<PluginInfo>>> list() {
        return ApiSuccess.of(Map.of("plugins", plugins.get()));
    }
}
