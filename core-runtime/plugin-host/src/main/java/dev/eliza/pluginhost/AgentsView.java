package dev.eliza.pluginhost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.sdk.AgentInfo;
import dev.eliza.sdk.Agents;
import dev.eliza.sdk.PlatformUnavailableException;

/** The agents directory as plugins see it: plain values, secrets removed. */
final class AgentsView implements Agents {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Supplier<Optional<AgentDirectory>> directory;

    AgentsView(Supplier<Optional<AgentDirectory>> directory) {
        this.directory = directory;
    }

    @Override
    public List<AgentInfo> list() {
        return directory().list().stream().map(AgentsView::info).toList();
    }

    @Override
    public Optional<AgentInfo> find(UUID id) {
        return directory().find(id).map(AgentsView::info);
    }

    private AgentDirectory directory() {
        return directory.get().orElseThrow(() -> new PlatformUnavailableException("The agents module is not running"));
    }

    static AgentInfo info(Agent agent) {
        ObjectNode character = agent.character();
        character.remove("secrets");
        if (character.path("settings") instanceof ObjectNode settings) {
            settings.remove("secrets");
        }
        List<String> plugins = new ArrayList<>();
        for (JsonNode plugin : character.path("plugins")) {
            plugins.add(plugin.asText());
        }
        return new AgentInfo(agent.id(), agent.name(), agent.enabled(), List.copyOf(plugins),
                MAPPER.convertValue(character, MAP));
    }
}
