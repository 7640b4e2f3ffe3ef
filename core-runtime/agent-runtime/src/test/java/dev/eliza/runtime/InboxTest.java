package dev.eliza.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.eliza.agents.api.AgentLog;
import dev.eliza.events.api.AgentMessageEvent;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.Delivery;
import dev.eliza.messaging.api.DeliveryState;
import dev.eliza.models.api.ChatTurn;
import dev.eliza.models.api.ModelProviderException;

class InboxTest {
    private final Harness h = new Harness();
    private final ScriptedProvider offline = new ScriptedProvider("offline");
    private final UUID channel = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();

    private Delivery send(UUID agent, String text, int depth) {
        ChannelMessage message = FakeReplies.message(channel, ann, text);
        h.messages.stored.add(message);
        Delivery delivery = h.replies.add(agent, message, depth);
        h.inbox.deliver(delivery);
        return delivery;
    }

    @Test
    void anActiveAgentAnswersWithStreamedChunksUnderOneReplyId() {
        h.providers.add(offline);
        UUID agent = h.directory.add("{\"name\":\"Eliza\",\"settings\":{\"OPENAI_API_KEY\":\"from-character\"}}",
                true);
        h.directory.secrets.put(agent, java.util.Map.of("OPENAI_API_KEY", "secret"));
        h.lifecycle.start(agent);
        h.messages.stored.add(FakeReplies.message(channel, agent, "Hello Ann"));

        Delivery delivery = send(agent, "I feel tired", 0);

        assertThat(h.replies.state(delivery).state()).isEqualTo(DeliveryState.REPLIED);
        assertThat(h.replies.replies).singleElement().satisfies(reply -> {
            assertThat(reply.text()).isEqualTo("You said I feel tired");
            assertThat(reply.actions()).containsExactly("REPLY");
            assertThat(reply.thought()).isNotBlank();
            assertThat(reply.agentName()).isEqualTo("Eliza");
        });
        UUID replyId = h.replies.replies.get(0).replyId();
        assertThat(h.replies.chunks).hasSize(5).allSatisfy(c -> assertThat(c.replyId()).isEqualTo(replyId));
        assertThat(h.replies.chunks.get(1).text()).isEqualTo("You said ");
        assertThat(offline.requests).singleElement().satisfies(request -> {
            assertThat(request.prompt()).isEqualTo("I feel tired");
            assertThat(request.history()).containsExactly(new ChatTurn(ChatTurn.Role.ASSISTANT, "Ann", "Hello Ann"));
            assertThat(request.system()).startsWith("You are Eliza.");
            assertThat(request.settings().get("OPENAI_API_KEY")).hasValue("secret");
            assertThat(request.settings().get("LOG_LEVEL")).hasValue("info");
        });
        assertThat(h.events).filteredOn(AgentMessageEvent.class::isInstance).extracting(e ->
                ((AgentMessageEvent) e).direction()).containsExactly(AgentMessageEvent.Direction.RECEIVED,
                AgentMessageEvent.Direction.SENT);
    }

    @Test
    void everyHandledMessageIsARunAndEveryModelCallALogEntry() {
        h.providers.add(offline);
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");

        Delivery delivery = send(agent, "hi", 0);

        assertThat(h.logs).extracting(AgentLog::type).containsExactly("run_event", "useModel:TEXT_LARGE",
                "run_event");
        String runId = h.logs.get(0).body().path("runId").asText();
        assertThat(h.logs).allSatisfy(log -> assertThat(log.body().path("runId").asText()).isEqualTo(runId));
        assertThat(h.logs.get(0).body().path("status").asText()).isEqualTo("started");
        assertThat(h.logs.get(2).body().path("status").asText()).isEqualTo("completed");
        assertThat(h.logs.get(2).body().path("messageId").asText()).isEqualTo(delivery.message().id().toString());
        assertThat(h.logs.get(2).entityId()).isEqualTo(ann);
        AgentLog call = h.logs.get(1);
        assertThat(call.entityId()).isEqualTo(agent);
        assertThat(call.body().path("provider").asText()).isEqualTo("offline");
        assertThat(call.body().path("model").asText()).isEqualTo("offline-model");
        assertThat(call.body().path("responseSize").asInt()).isEqualTo("You said hi".length());
        assertThat(call.body().has("executionTime")).isTrue();
        assertThat(call.body().path("usage").path("totalTokens").asInt()).isEqualTo(2);
    }

    @Test
    void anAgentActiveInTheDirectoryButNotYetRunningHereIsStartedAndAnswers() {
        h.providers.add(offline);
        UUID agent = h.directory.add("{\"name\":\"Resumed\"}", true);
        h.directory.markActive(agent, true);

        Delivery delivery = send(agent, "still there?", 0);

        assertThat(h.replies.state(delivery).state()).isEqualTo(DeliveryState.REPLIED);
        assertThat(h.lifecycle.activeIds()).containsExactly(agent);
        assertThat(offline.requests).hasSize(1);
    }

    @Test
    void anAgentThatIsNotRunningSaysSo() {
        h.providers.add(offline);
        UUID agent = h.directory.add("{\"name\":\"Idle\"}", true);

        Delivery delivery = send(agent, "anyone?", 0);

        assertThat(h.replies.state(delivery).state()).isEqualTo(DeliveryState.NO_REPLY);
        assertThat(h.replies.state(delivery).reason()).hasValue("agent is not running");
        assertThat(offline.requests).isEmpty();
    }

    @Test
    void aLongReplyChainIsNotAnswered() {
        h.providers.add(offline);
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");

        Delivery deep = send(agent, "agent talk", 3);
        Delivery shallow = send(agent, "agent talk", 2);

        assertThat(h.replies.state(deep).state()).isEqualTo(DeliveryState.NO_REPLY);
        assertThat(h.replies.state(deep).reason()).hasValue("reply chain reached the bound of 3");
        assertThat(h.replies.state(shallow).state()).isEqualTo(DeliveryState.REPLIED);
    }

    @Test
    void aDeliveryClaimedElsewhereIsLeftAlone() {
        h.providers.add(offline);
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");
        ChannelMessage message = FakeReplies.message(channel, ann, "once");
        Delivery delivery = h.replies.add(agent, message, 0);
        h.replies.claim(delivery);

        h.inbox.deliver(delivery);

        assertThat(offline.requests).isEmpty();
        assertThat(h.replies.state(delivery).state()).isEqualTo(DeliveryState.PROCESSING);
    }

    @Test
    void retryableFailuresAreRetriedWithDoublingBackoff() {
        h.providers.add(offline);
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");
        offline.failures.add(new ModelProviderException("429 rate limited", true));
        offline.failures.add(new ModelProviderException("503", true));

        Delivery delivery = send(agent, "hello", 0);
        assertThat(h.replies.state(delivery).state()).isEqualTo(DeliveryState.PROCESSING);
        h.delayer.advance(Duration.ofMillis(499));
        assertThat(offline.requests).hasSize(1);
        h.delayer.advance(Duration.ofMillis(1));
        assertThat(offline.requests).hasSize(2);
        h.delayer.advance(Duration.ofMillis(1000));

        assertThat(h.delayer.requested).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(h.replies.state(delivery).state()).isEqualTo(DeliveryState.REPLIED);
        assertThat(h.replies.replies).hasSize(1);
    }

    @Test
    void afterTheLastAttemptTheDeliveryFailsWithTheReason() {
        h.providers.add(offline);
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");
        for (int i = 0; i < 3; i++) {
            offline.failures.add(new ModelProviderException("timeout", true));
        }

        Delivery delivery = send(agent, "hello", 0);
        h.delayer.advance(Duration.ofSeconds(10));

        assertThat(offline.requests).hasSize(3);
        assertThat(h.replies.state(delivery).state()).isEqualTo(DeliveryState.FAILED);
        assertThat(h.replies.state(delivery).reason()).hasValue("offline failed after 3 attempts: timeout");
        assertThat(h.logs).last().satisfies(log -> assertThat(log.body().path("status").asText()).isEqualTo("error"));
    }

    @Test
    void aNonRetryableFailureFailsAtOnce() {
        h.providers.add(offline);
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");
        offline.failures.add(new ModelProviderException("OPENAI_API_KEY is not set", false));

        Delivery delivery = send(agent, "hello", 0);

        assertThat(h.delayer.waiting()).isZero();
        assertThat(h.replies.state(delivery).reason()).hasValue("offline failed after 1 attempt: "
                + "OPENAI_API_KEY is not set");
    }

    @Test
    void aDeliveryWaitsForItsAbsentProviderAndIsAnsweredWhenItIsBack() {
        ScriptedProvider openai = new ScriptedProvider("openai", "@elizaos/plugin-openai");
        h.providers.add(openai);
        UUID agent = h.activeAgent("{\"name\":\"Gpt\",\"plugins\":[\"@elizaos/plugin-openai\"]}");
        h.providers.remove(openai);

        Delivery delivery = send(agent, "still there?", 0);
        assertThat(h.replies.state(delivery).state()).isEqualTo(DeliveryState.RECEIVED);
        assertThat(h.inbox.parkedCount()).isEqualTo(1);

        h.providers.add(openai);
        h.inbox.providerArrived();

        assertThat(h.replies.state(delivery).state()).isEqualTo(DeliveryState.REPLIED);
        h.delayer.advance(Duration.ofMinutes(5));
        assertThat(h.replies.state(delivery).state()).as("the old wait's end does nothing")
                .isEqualTo(DeliveryState.REPLIED);
    }

    @Test
    void aProviderThatDoesNotComeBackFailsTheDeliveryNamingIt() {
        ScriptedProvider openai = new ScriptedProvider("openai", "@elizaos/plugin-openai");
        h.providers.add(openai);
        UUID agent = h.activeAgent("{\"name\":\"Gpt\",\"plugins\":[\"@elizaos/plugin-openai\"]}");
        h.providers.remove(openai);

        Delivery delivery = send(agent, "hello?", 0);
        h.delayer.advance(Duration.ofSeconds(30));

        assertThat(h.replies.state(delivery).state()).isEqualTo(DeliveryState.FAILED);
        assertThat(h.replies.state(delivery).reason())
                .hasValue("no model provider for @elizaos/plugin-openai is registered (waited 30 s)");
    }

    @Test
    void anUnexpectedErrorEndsTheDeliveryVisiblyAndTheChannelGoesOn() {
        h.providers.add(offline);
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");
        offline.answer = request -> {
            if (request.prompt().equals("breaks")) {
                throw new IllegalStateException("database is gone");
            }
            return "fine";
        };

        Delivery broken = send(agent, "breaks", 0);
        Delivery next = send(agent, "next", 0);

        assertThat(h.replies.state(broken).state()).isEqualTo(DeliveryState.FAILED);
        assertThat(h.replies.state(broken).reason()).hasValueSatisfying(r -> assertThat(r).contains("database is gone"));
        assertThat(h.replies.state(next).state()).isEqualTo(DeliveryState.REPLIED);
    }

    @Test
    void aFailingJournalNeverFailsAReply() {
        h.parts.journal().bind(entry -> {
            throw new IllegalStateException("journal table locked");
        });
        h.providers.add(offline);
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");

        assertThat(h.replies.state(send(agent, "hi", 0)).state()).isEqualTo(DeliveryState.REPLIED);
    }
}
