package dev.eliza.plugins.hello;

import java.util.Map;

import dev.eliza.sdk.KeyValueStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/plugins/hello/counter}: a counter kept in the plugin's durable store (GET reads, POST adds one). */
@Path("/counter")
@Produces(MediaType.APPLICATION_JSON)
public final class Counter {
    private static final String KEY = "counter";

    private final KeyValueStore store;

    Counter(KeyValueStore store) {
        this.store = store;
    }

    @GET
    public Map<String, Long> read() {
        return Map.of("count", store.get(KEY).map(Long::parseLong).orElse(0L));
    }

    @POST
    public Map<String, Long> increment() {
        return Map.of("count", store.increment(KEY, 1));
    }
}
