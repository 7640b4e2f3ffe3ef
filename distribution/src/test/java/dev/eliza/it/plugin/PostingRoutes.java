package dev.eliza.it.plugin;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.pf4j.Extension;

import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.PluginContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/plugins/<id>/post?channel=&text=}: posts through the plugin's context and lets errors through. */
@Extension
public final class PostingRoutes implements GlobalRoutes {
    @Override
    public Set<Object> resources(PluginContext context) {
        return Set.of(new Post(context));
    }

    /** The posting resource. */
    @Path("/post")
    public static final class Post {
        private final PluginContext context;

        Post(PluginContext context) {
            this.context = context;
        }

        @POST
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> post(@QueryParam("channel") String channel, @QueryParam("text") String text) {
            UUID id = context.messages().send(UUID.fromString(channel), new UUID(0, 7), text);
            return Map.of("id", id.toString());
        }
    }
}
