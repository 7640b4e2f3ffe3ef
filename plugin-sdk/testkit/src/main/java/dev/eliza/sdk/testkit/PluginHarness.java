package dev.eliza.sdk.testkit;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.eliza.sdk.AgentEvent;
import dev.eliza.sdk.AgentInfo;
import dev.eliza.sdk.AgentRoutes;
import dev.eliza.sdk.EventListener;
import dev.eliza.sdk.GlobalRoutes;
import dev.eliza.sdk.MessageEvent;
import dev.eliza.sdk.PluginContext;
import dev.eliza.sdk.PluginService;
import dev.eliza.sdk.testkit.internal.AgentRouteLocator;
import jakarta.ws.rs.Path;

/**
 * One plugin running in memory: build it with {@link #forPlugin(String)}, give it settings, agents and its
 * extension instances, {@link Builder#start() start} it, call its routes with {@link #get}, {@link #post} or
 * {@link #request}, publish events to its listeners, and {@link #close()} it (which stops its services). Routes
 * answer at the server's paths: {@code /api/plugins/<id>/...}, {@code /api/agents/<agentId>/plugins/<segment>...}
 * and {@code /<segment>...?agentId=<agentId>}. Exceptions of listeners and services are not caught: a test sees them.
 */
public final class PluginHarness implements AutoCloseable {
    private static final URI ROOT = URI.create("http://localhost/");

    private final TestPluginContext context;
    private final InMemoryContainer globalRoutes;
    private final InMemoryContainer agentRoutes;
    private final List<EventListener> listeners;
    private final Deque<PluginService> started = new ArrayDeque<>();

    private PluginHarness(TestPluginContext context, List<Object> extensions) throws Exception {
        this.context = context;
        Set<Object> global = new HashSet<>();
        Map<String, Object> perAgent = new HashMap<>();
        List<EventListener> heard = new ArrayList<>();
        for (Object extension : extensions) {
            if (extension instanceof GlobalRoutes routes) {
                global.addAll(routes.resources(context));
            }
            if (extension instanceof AgentRoutes routes) {
                routes.resources(context).forEach(resource -> perAgent.put(segmentOf(resource), resource));
            }
            if (extension instanceof EventListener listener) {
                heard.add(listener);
            }
        }
        this.listeners = List.copyOf(heard);
        this.globalRoutes = new InMemoryContainer(ROOT.resolve("api/plugins/" + context.pluginId() + "/"), global);
        this.agentRoutes = new InMemoryContainer(ROOT, Set.of(new AgentRouteLocator(context.pluginId(), perAgent,
                context.list())));
        for (Object extension : extensions) {
            if (extension instanceof PluginService service) {
                service.start(context);
                started.push(service);
            }
        }
    }

    /** A harness builder for the plugin {@code pluginId}. */
    public static Builder forPlugin(String pluginId) {
        return new Builder(pluginId);
    }

    /** The context the plugin's extensions were given. */
    public PluginContext context() {
        return context;
    }

    /** The plugin's store, to read what it wrote or prepare what it reads. */
    public InMemoryKeyValueStore store() {
        return context.memoryStore();
    }

    /** The messages the plugin posted, oldest first. */
    public List<SentMessage> sentMessages() {
        return context.sent();
    }

    /** {@code GET path}. */
    public TestResponse get(String path) {
        return request("GET", path, Map.of(), null);
    }

    /** {@code POST path} with a JSON body. */
    public TestResponse post(String path, String json) {
        return request("POST", path, Map.of("Content-Type", "application/json"), json);
    }

    /** Any request; {@code body} may be {@code null} for none. Paths outside the plugin's routes answer 404. */
    public TestResponse request(String method, String path, Map<String, String> headers, String body) {
        URI uri = ROOT.resolve(path.startsWith("/") ? path.substring(1) : path);
        String target = uri.getRawPath();
        if (target.startsWith("/api/plugins/" + context.pluginId() + "/")
                || target.equals("/api/plugins/" + context.pluginId())) {
            return globalRoutes.apply(method, uri, headers, body);
        }
        if (target.startsWith("/api/agents/")) {
            return agentRoutes.apply(method, uri, headers, body);
        }
        return AgentQueryForm.rewrite(uri).map(rewritten -> agentRoutes.apply(method, rewritten, headers, body))
                .orElseGet(() -> new TestResponse(404, Map.of(), "{\"success\":false,\"error\":{\"code\":"
                        + "\"NOT_FOUND\",\"message\":\"API endpoint not found\"}}"));
    }

    /** Delivers a message an agent received to every listener, on this thread. */
    public void messageReceived(MessageEvent event) {
        deliver(event, EventListener::messageReceived);
    }

    /** Delivers a reply an agent sent to every listener, on this thread. */
    public void replySent(MessageEvent event) {
        deliver(event, EventListener::replySent);
    }

    /** Tells every listener an agent started, on this thread. */
    public void agentStarted(AgentEvent event) {
        deliver(event, EventListener::agentStarted);
    }

    /** Tells every listener an agent stopped, on this thread. */
    public void agentStopped(AgentEvent event) {
        deliver(event, EventListener::agentStopped);
    }

    /** Stops the plugin's services, newest first. */
    @Override
    public void close() throws Exception {
        while (!started.isEmpty()) {
            started.pop().stop();
        }
    }

    private <E> void deliver(E event, TriConsumer<E> call) {
        listeners.forEach(listener -> call.accept(listener, event, context));
    }

    @FunctionalInterface
    private interface TriConsumer<E> {
        void accept(EventListener listener, E event, PluginContext context);
    }

    private static String segmentOf(Object resource) {
        Path path = resource.getClass().getAnnotation(Path.class);
        String segment = path == null ? "" : path.value().replaceAll("^/+|/+$", "");
        if (segment.isEmpty() || segment.contains("/") || segment.contains("{") || segment.equals("api")) {
            throw new IllegalArgumentException("Agent route " + resource.getClass().getName()
                    + " needs a one-segment class @Path such as @Path(\"/weather\"), other than /api");
        }
        return segment;
    }

    /** Settings, agents and extensions of the plugin under test. */
    public static final class Builder {
        private final String pluginId;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<AgentInfo> agents = new ArrayList<>();
        private final List<Object> extensions = new ArrayList<>();

        private Builder(String pluginId) {
            this.pluginId = pluginId;
        }

        /** A setting, as the server reads it from {@code PLUGIN_<ID>_<KEY>}: the key in lower case. */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** An agent the plugin can see; it is served the plugin's agent routes if {@code plugins} lists the id. */
        public Builder agent(AgentInfo agent) {
            agents.add(agent);
            return this;
        }

        /** An agent with just a name and its plugin list. */
        public Builder agent(UUID id, String name, String... plugins) {
            return agent(new AgentInfo(id, name, true, List.of(plugins),
                    Map.of("name", name, "plugins", List.of(plugins))));
        }

        /** Extension instances: {@code GlobalRoutes}, {@code AgentRoutes}, {@code EventListener}, {@code PluginService}. */
        public Builder extensions(Object... instances) {
            extensions.addAll(Arrays.asList(instances));
            return this;
        }

        /** Builds the routes and starts the services; an exception of a service's start is thrown here. */
        public PluginHarness start() throws Exception {
            return new PluginHarness(new TestPluginContext(pluginId, settings, agents), extensions);
        }
    }
}
