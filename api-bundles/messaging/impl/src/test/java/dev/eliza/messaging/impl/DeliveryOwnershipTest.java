package dev.eliza.messaging.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.eliza.messaging.api.DeliveryState;

/**
 * Two nodes on one database: each takes only the deliveries it received, and those of a node that is no longer
 * live, so a message is answered once and a crashed node's work is taken over.
 */
class DeliveryOwnershipTest {
    private static final UUID SERVER = new UUID(0, 0);
    private static final UUID AGENT = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final Set<String> live = new HashSet<>(Set.of("node-a", "node-b"));
    private MessageStore nodeA;
    private MessageStore nodeB;
    private UUID channel;

    @BeforeEach
    void freshTables() throws Exception {
        Sql sql = MessagingTables.fresh();
        channel = UUID.randomUUID();
        MessagingTables.execute("INSERT INTO channels (id, server_id, name, type, created_at, updated_at) VALUES ('"
                + channel + "', '" + SERVER + "', 'c', 'GROUP', now(), now())");
        nodeA = new MessageStore(sql, "node-a", () -> Set.copyOf(live));
        nodeB = new MessageStore(sql, "node-b", () -> Set.copyOf(live));
    }

    @Test
    void aReceivedMessageBelongsToTheNodeThatReceivedItWhileThatNodeLives() {
        UUID message = post(nodeA);

        assertThat(nodeB.pending(10)).isEmpty();
        assertThat(nodeB.claim(message, AGENT, NOW)).isFalse();
        assertThat(nodeA.pending(10)).extracting(DeliveryRow::messageId).containsExactly(message);
        assertThat(nodeA.claim(message, AGENT, NOW)).isTrue();
        assertThat(nodeB.pending(10)).isEmpty();
    }

    @Test
    void aNodeTakesBackItsOwnProcessingDeliveryItLostTrackOf() {
        UUID message = post(nodeA);
        assertThat(nodeA.claim(message, AGENT, NOW)).isTrue();

        assertThat(nodeA.pending(10)).extracting(DeliveryRow::messageId).containsExactly(message);
        assertThat(nodeA.claim(message, AGENT, NOW)).isTrue();
        assertThat(nodeA.delivery(message, AGENT)).map(DeliveryRow::attempts).contains(2);
        assertThat(nodeB.claim(message, AGENT, NOW)).as("node A lives").isFalse();
    }

    @Test
    void aGoneNodesReceivedAndProcessingDeliveriesAreTakenOverOnce() {
        UUID waiting = post(nodeA);
        UUID inFlight = post(nodeA);
        assertThat(nodeA.claim(inFlight, AGENT, NOW)).isTrue();
        assertThat(nodeB.pending(10)).as("node A still lives").isEmpty();

        live.remove("node-a");

        assertThat(nodeB.pending(10)).extracting(DeliveryRow::messageId).containsExactlyInAnyOrder(waiting, inFlight);
        assertThat(nodeB.claim(inFlight, AGENT, NOW)).isTrue();
        assertThat(nodeB.claim(waiting, AGENT, NOW)).isTrue();
        assertThat(nodeB.delivery(waiting, AGENT)).map(DeliveryRow::state).contains("processing");
        assertThat(nodeA.claim(waiting, AGENT, NOW)).as("node B, live, has it now").isFalse();
        assertThat(nodeB.delivery(inFlight, AGENT)).map(DeliveryRow::attempts).contains(2);
    }

    @Test
    void aReleasedDeliveryMayBeTakenByAnyNode() {
        UUID message = post(nodeA);
        assertThat(nodeA.claim(message, AGENT, NOW)).isTrue();
        nodeA.release(message, AGENT, NOW);

        assertThat(nodeB.claim(message, AGENT, NOW)).isTrue();
        assertThat(nodeA.claim(message, AGENT, NOW)).as("node B processes it and lives").isFalse();
    }

    @Test
    void aFinishedDeliveryIsNobodysWork() {
        UUID message = post(nodeA);
        assertThat(nodeA.finish(message, AGENT, DeliveryState.REPLIED, null, NOW)).isTrue();
        live.remove("node-a");

        assertThat(nodeB.pending(10)).isEmpty();
        assertThat(nodeB.claim(message, AGENT, NOW)).isFalse();
    }

    private UUID post(MessageStore node) {
        UUID id = UUID.randomUUID();
        MessageRow row = new MessageRow(id, channel, SERVER, UUID.randomUUID(), "user", "hello", "test", null, null,
                "{}", null, null, NOW, NOW);
        node.insert(row, List.of(new MessageStore.NewDelivery(AGENT, DeliveryState.RECEIVED, null)), 0,
                Optional.empty());
        return id;
    }
}
