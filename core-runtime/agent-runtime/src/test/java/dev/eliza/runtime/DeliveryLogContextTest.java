package dev.eliza.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.models.api.ModelProviderException;

class DeliveryLogContextTest {
    private final Harness h = new Harness();
    private final ScriptedProvider offline = new ScriptedProvider("offline");
    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();

    @Test
    void theModelIsCalledWithTheAgentAndChannelInTheLogContextAndTheyAreGoneAfter() {
        h.providers.add(offline);
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");
        UUID channel = UUID.randomUUID();
        offline.failures.add(new ModelProviderException("429 rate limited", true));
        offline.answer = request -> {
            seen.add(Map.of("agentId", String.valueOf(MDC.get("agentId")),
                    "channelId", String.valueOf(MDC.get("channelId"))));
            return "ok";
        };
        ChannelMessage message = FakeReplies.message(channel, UUID.randomUUID(), "hi");
        h.messages.stored.add(message);
        h.inbox.deliver(h.replies.add(agent, message, 0));
        assertThat(MDC.get("agentId")).as("the first, failed attempt ran on this thread").isNull();

        // the retry runs from the delayer, on a thread of its own in the platform: the context comes with it
        h.delayer.advance(Duration.ofSeconds(1));

        assertThat(seen).containsExactly(Map.of("agentId", agent.toString(), "channelId", channel.toString()));
        assertThat(MDC.get("agentId")).isNull();
        assertThat(MDC.get("channelId")).isNull();
    }
}
