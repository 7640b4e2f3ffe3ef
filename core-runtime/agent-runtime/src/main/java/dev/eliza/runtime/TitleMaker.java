package dev.eliza.runtime;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.eliza.agents.api.Agent;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.ChannelTitles;
import dev.eliza.models.api.ModelClass;
import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ModelProviderException;
import dev.eliza.models.api.TextRequest;
import dev.eliza.models.api.TextStream;

/** Names a conversation with the agent's own provider (its small model); empty whenever that is not possible. */
final class TitleMaker implements ChannelTitles {
    private static final int MAX_LENGTH = 80;
    private final RuntimeParts parts;

    TitleMaker(RuntimeParts parts) {
        this.parts = parts;
    }

    @Override
    public Optional<String> title(UUID agentId, List<ChannelMessage> messages) {
        Optional<Agent> agent = parts.directory().find(agentId);
        if (agent.isEmpty() || messages.isEmpty()) {
            return Optional.empty();
        }
        Optional<ModelProvider> provider = parts.providers()
                .select(AgentLifecycle.plugins(agent.get().character().path("plugins"))).provider();
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        List<PromptComposer.Turn> turns = messages.stream()
                .map(m -> new PromptComposer.Turn(m.authorId(), m.authorName(), m.text())).toList();
        TextRequest request = new TextRequest(agentId, TextRequest.Purpose.TITLE, ModelClass.TEXT_SMALL,
                "You name conversations. Answer with a title of at most six words and nothing else.",
                parts.composer().history(agentId, turns), "Give this conversation a short title.", 32, 0.3,
                parts.settingsResolver().resolve(agent.get().character(), parts.directory().secrets(agentId)));
        try {
            return clean(provider.get().generate(request, TextStream.ignore()).text());
        } catch (ModelProviderException e) {
            return Optional.empty();
        }
    }

    /** The title without the quotes, labels and trailing dots models like to add. */
    static Optional<String> clean(String raw) {
        String title = raw.strip().replaceAll("^(?i)title:\\s*", "").replaceAll("^[\"'“”]+|[\"'“”.]+$", "").strip();
        if (title.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(title.length() > MAX_LENGTH ? title.substring(0, MAX_LENGTH).strip() : title)
                .filter(t -> !t.toLowerCase(Locale.ROOT).equals("untitled"));
    }
}
