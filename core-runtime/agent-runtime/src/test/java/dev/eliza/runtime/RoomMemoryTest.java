package dev.eliza.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.eliza.memory.api.Memory;
import dev.eliza.memory.api.RecalledMemory;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.Delivery;
import dev.eliza.messaging.api.DeliveryState;
import dev.eliza.rooms.api.ElizaIds;

class RoomMemoryTest {
    private static final RuntimeSettings RECALLING = new RuntimeSettings(3, 20, 3, Duration.ofMillis(500),
            Duration.ofSeconds(30), Duration.ofSeconds(5), 1, 10_000, 2, Duration.ofSeconds(5));

    private final Harness h = new Harness(Runnable::run, RECALLING);
    private final ScriptedProvider offline = new ScriptedProvider("offline");
    private final UUID channel = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();

    private Delivery send(UUID agent, String text) {
        ChannelMessage message = FakeReplies.message(channel, ann, text);
        h.messages.stored.add(message);
        Delivery delivery = h.replies.add(agent, message, 0);
        h.inbox.deliver(delivery);
        return delivery;
    }

    private Memory memory(UUID agent, String text) {
        UUID room = ElizaIds.unique(channel, agent);
        return new Memory(UUID.randomUUID(), agent, ann, room, Optional.empty(), Memory.MESSAGES,
                JsonNodeFactory.instance.objectNode().put("text", text), JsonNodeFactory.instance.objectNode(), true,
                0);
    }

    @Test
    void whatTheAgentHearsAndSaysBecomesMemoriesOfItsRoomInElizaOsShape() {
        h.providers.add(offline);
        h.memory.bind(Optional.of(h.memories), Optional.of(h.rooms));
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");

        Delivery delivery = send(agent, "I like green tea");

        UUID heardId = ElizaIds.unique(delivery.message().id(), agent);
        UUID room = ElizaIds.unique(channel, agent);
        assertThat(h.memories.stored).hasSize(2);
        Memory heard = h.memories.stored.get(heardId);
        assertThat(heard.roomId()).isEqualTo(room);
        assertThat(heard.entityId()).isEqualTo(ann);
        assertThat(heard.text()).isEqualTo("I like green tea");
        assertThat(heard.metadata().path("sourceId").asText()).isEqualTo(delivery.message().id().toString());
        UUID replyId = h.replies.replies.get(0).replyId();
        Memory said = h.memories.stored.get(replyId);
        assertThat(said.entityId()).isEqualTo(agent);
        assertThat(said.roomId()).isEqualTo(room);
        assertThat(said.text()).isEqualTo("You said I like green tea");
        assertThat(said.content().path("inReplyTo").asText()).isEqualTo(heardId.toString());
        assertThat(said.content().path("actions").get(0).asText()).isEqualTo("REPLY");
    }

    @Test
    void aRuntimeStoppingMidReplyStillAnswersAndFilesItsMemoriesRatherThanFailingTheDelivery() {
        AtomicInteger executions = new AtomicInteger();
        // the lane's first task runs; every later one is refused, as by an executor shutting down
        Harness stopping = new Harness(task -> {
            if (executions.incrementAndGet() > 1) {
                throw new RejectedExecutionException("shutting down");
            }
            task.run();
        }, RECALLING);
        stopping.providers.add(offline);
        stopping.memory.bind(Optional.of(stopping.memories), Optional.of(stopping.rooms));
        UUID agent = stopping.activeAgent("{\"name\":\"Eliza\"}");
        ChannelMessage message = FakeReplies.message(channel, ann, "still there?");
        stopping.messages.stored.add(message);
        Delivery delivery = stopping.replies.add(agent, message, 0);

        stopping.inbox.deliver(delivery);

        assertThat(stopping.replies.state(delivery).state()).isEqualTo(DeliveryState.REPLIED);
        assertThat(stopping.memories.stored).hasSize(2);
    }

    @Test
    void thePromptCarriesTheRecalledMemoriesButNotTheMessageItselfNorWhatTheHistoryShows() {
        h.providers.add(offline);
        h.memory.bind(Optional.of(h.memories), Optional.of(h.rooms));
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");
        h.messages.stored.add(FakeReplies.message(channel, ann, "my cat is called Tom"));
        ChannelMessage next = FakeReplies.message(channel, ann, "what do I drink?");
        Memory itself = new Memory(ElizaIds.unique(next.id(), agent), agent, ann, ElizaIds.unique(channel, agent),
                Optional.empty(), Memory.MESSAGES, JsonNodeFactory.instance.objectNode().put("text", next.text()),
                JsonNodeFactory.instance.objectNode(), true, 0);
        h.memories.recalled = List.of(new RecalledMemory(itself, 0.99),
                new RecalledMemory(memory(agent, "my cat is called Tom"), 0.8),
                new RecalledMemory(memory(agent, "I like green tea"), 0.7),
                new RecalledMemory(memory(agent, "I live in Lyon"), 0.5),
                new RecalledMemory(memory(agent, "I play chess"), 0.4));
        h.messages.stored.add(next);
        h.inbox.deliver(h.replies.add(agent, next, 0));

        assertThat(h.memories.queries).containsExactly("what do I drink?");
        String system = offline.requests.get(0).system();
        assertThat(system).contains("# What Eliza remembers\n- I like green tea\n- I live in Lyon")
                .doesNotContain("I play chess").doesNotContain("- what do I drink?")
                .doesNotContain("- my cat is called Tom");
    }

    @Test
    void theRecallLeavesOutTheMessageAndWhatTheHistoryShowsByTheIdsOfTheirMemories() {
        h.providers.add(offline);
        h.memory.bind(Optional.of(h.memories), Optional.of(h.rooms));
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");
        ChannelMessage earlier = FakeReplies.message(channel, ann, "my cat is called Tom");
        ChannelMessage next = FakeReplies.message(channel, ann, "what do I drink?");
        h.messages.stored.add(earlier);
        h.messages.stored.add(next);

        h.inbox.deliver(h.replies.add(agent, next, 0));

        assertThat(h.memories.leftOut).as("heard memory, the earlier message's as heard and as said")
                .containsExactly(Set.of(ElizaIds.unique(next.id(), agent), ElizaIds.unique(earlier.id(), agent),
                        earlier.id()));
    }

    @Test
    void withoutTheMemoryDomainOrWhenRoomsFailTheAgentStillAnswers() {
        h.providers.add(offline);
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");

        Delivery withoutMemory = send(agent, "hello");
        h.memory.bind(Optional.of(h.memories), Optional.of(h.rooms));
        h.rooms.failure = new IllegalStateException("database down");
        Delivery roomsFailing = send(agent, "hello again");

        assertThat(h.replies.state(withoutMemory).state()).isEqualTo(DeliveryState.REPLIED);
        assertThat(h.replies.state(roomsFailing).state()).isEqualTo(DeliveryState.REPLIED);
        assertThat(h.memories.stored).isEmpty();
        assertThat(offline.requests.get(1).system()).doesNotContain("remembers");
    }

    @Test
    void theRoomOfAChannelIsLookedUpOncePerAgent() {
        h.providers.add(offline);
        h.memory.bind(Optional.of(h.memories), Optional.of(h.rooms));
        UUID agent = h.activeAgent("{\"name\":\"Eliza\"}");

        send(agent, "one");
        send(agent, "two");

        assertThat(h.rooms.lookups).hasValue(1);
        assertThat(h.memories.stored).hasSize(4);
    }
}
