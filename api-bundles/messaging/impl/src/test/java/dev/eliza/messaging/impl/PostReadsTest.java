package dev.eliza.messaging.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.eliza.messaging.api.DeliveryState;

/**
 * What a post reads and writes on its hot path, against PostgreSQL: the channel with its participants in one
 * query, a message without deliveries stored outside a transaction, and rows read back through the declared
 * constructor mapping with every column in its place.
 */
class PostReadsTest {
    private static final UUID SERVER = new UUID(0, 0);
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00.123Z");

    private ChannelStore channels;
    private MessageStore messages;

    @BeforeEach
    void freshTables() throws Exception {
        Sql sql = MessagingTables.fresh();
        channels = new ChannelStore(sql, Clock.fixed(NOW, ZoneOffset.UTC));
        messages = new MessageStore(sql, "node", Set::of);
    }

    @Test
    void aChannelComesWithItsParticipantsInTheOrderTheyJoined() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        ChannelMembersRow created = channels.createChannel(id, SERVER, "c", "GROUP", null,
                Json.MAPPER.createObjectNode().put("k", "v"), List.of(first, second));
        UUID third = UUID.randomUUID();
        channels.addParticipant(id, third);

        ChannelMembersRow read = channels.withParticipants(id).orElseThrow();

        assertThat(created.participants()).containsExactly(first, second);
        assertThat(read.participants()).containsExactly(first, second, third)
                .isEqualTo(channels.participants(id));
        assertThat(read.channel()).isEqualTo(channels.channel(id).orElseThrow());
        assertThat(read.channel().metadataJson()).contains("\"k\"");
    }

    @Test
    void aChannelWithoutParticipantsHasAnEmptyListAndAnUnknownOneIsAbsent() {
        UUID id = emptyChannel();

        assertThat(channels.withParticipants(id).orElseThrow().participants()).isEmpty();
        assertThat(channels.withParticipants(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aMessageWithoutDeliveriesIsStoredAndReadBackColumnByColumn() {
        UUID channel = emptyChannel();
        UUID parent = UUID.randomUUID();
        MessageRow full = new MessageRow(UUID.randomUUID(), channel, SERVER, UUID.randomUUID(), "ann", "hello there",
                "client_chat", "src-1", "{\"a\": 1}", "{\"m\":true}", "[{\"url\": \"x\"}]", parent, NOW,
                NOW.plusMillis(5));
        // raw message and attachments are jsonb, which PostgreSQL gives back in its own spacing
        MessageRow bare = plain(channel, "plain", NOW.plusMillis(1));

        assertThat(messages.insert(full, List.of(), 0, Optional.empty())).contains(full);
        assertThat(messages.insert(bare, List.of(), 0, Optional.empty())).contains(bare);

        List<MessageRow> page = messages.page(channel, Optional.empty(), Optional.empty(), Optional.empty(), 10);
        assertThat(page).containsExactly(bare, full);
        assertThat(messages.message(full.id())).contains(full);
        assertThat(messages.pageAfter(channel, NOW.minusMillis(1), 10)).containsExactly(full, bare);
        assertThat(messages.search("hello", Optional.of(channel), Optional.empty(), Optional.empty(), 10, 0))
                .containsExactly(full);
        assertThat(messages.deliveries(full.id())).isEmpty();
    }

    @Test
    void aMessageWithDeliveriesStoresThemWithIt() {
        UUID agent = UUID.randomUUID();
        MessageRow row = plain(emptyChannel(), "hi", NOW);

        messages.insert(row, List.of(new MessageStore.NewDelivery(agent, DeliveryState.RECEIVED, null)), 0,
                Optional.empty());

        assertThat(messages.deliveries(row.id())).extracting(DeliveryRow::agentId).containsExactly(agent);
    }

    private UUID emptyChannel() {
        UUID id = UUID.randomUUID();
        channels.createChannel(id, SERVER, "c", "GROUP", null, Json.MAPPER.createObjectNode(), List.of());
        return id;
    }

    private static MessageRow plain(UUID channel, String text, Instant at) {
        return new MessageRow(UUID.randomUUID(), channel, SERVER, UUID.randomUUID(), "", text, "client_chat", null,
                null, "{}", null, null, at, at);
    }
}
