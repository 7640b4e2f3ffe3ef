package dev.eliza.sdk.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.eliza.sdk.AgentInfo;
import dev.eliza.sdk.Agents;
import dev.eliza.sdk.ChannelMessages;
import dev.eliza.sdk.KeyValueStore;
import dev.eliza.sdk.PluginContext;

/** The in-memory {@link PluginContext} of a {@link PluginHarness}. */
final class TestPluginContext implements PluginContext, Agents, ChannelMessages {
    private final String pluginId;
    private final Map<String, String> settings;
    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    private final List<AgentInfo> agents;
    private final List<SentMessage> sent = new CopyOnWriteArrayList<>();

    TestPluginContext(String pluginId, Map<String, String> settings, List<AgentInfo> agents) {
        this.pluginId = pluginId;
        this.settings = Map.copyOf(settings);
        this.agents = List.copyOf(agents);
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("plugin." + pluginId);
    }

    @Override
    public KeyValueStore store() {
        return store;
    }

    InMemoryKeyValueStore memoryStore() {
        return store;
    }

    @Override
    public Agents agents() {
        return this;
    }

    @Override
    public ChannelMessages messages() {
        return this;
    }

    @Override
    public List<AgentInfo> list() {
        return agents;
    }

    @Override
    public Optional<AgentInfo> find(UUID id) {
        return agents.stream().filter(agent -> agent.id().equals(id)).findFirst();
    }

    @Override
    public UUID send(UUID channelId, UUID authorId, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A message needs text");
        }
        UUID id = UUID.randomUUID();
        sent.add(new SentMessage(id, channelId, authorId, text));
        return id;
    }

    List<SentMessage> sent() {
        return List.copyOf(sent);
    }
}
