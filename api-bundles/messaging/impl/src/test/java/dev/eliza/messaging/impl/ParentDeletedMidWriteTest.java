package dev.eliza.messaging.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.eliza.http.api.ApiException;
import dev.eliza.persistence.impl.ConcurrentDeletion;

/**
 * A server or channel deleted, over PostgreSQL, while a write into it is under way: the write read its parent, the
 * foreign key then finds it gone. The write answers 404 for that parent (as had it come just after the deletion),
 * never an internal error, and leaves nothing behind.
 */
class ParentDeletedMidWriteTest {
    private ChannelStore channels;
    private MessageStore messages;

    @BeforeEach
    void freshTables() throws Exception {
        Sql sql = MessagingTables.fresh();
        channels = new ChannelStore(sql, Clock.systemUTC());
        messages = new MessageStore(sql, "node", Set::of);
    }

    @Test
    void aMessageIntoAChannelBeingDeletedAnswersChannelNotFound() throws Exception {
        UUID channel = channel(new UUID(0, 0));
        Instant now = Instant.now();
        MessageRow row = new MessageRow(UUID.randomUUID(), channel, new UUID(0, 0), UUID.randomUUID(), "", "hi",
                "client_chat", null, null, "{}", null, null, now, now);

        Throwable failure = ConcurrentDeletion.during("channels", channel, "messages",
                () -> messages.insert(row, List.of(), 0, Optional.empty()));

        assertNotFound(failure, "Channel not found");
        assertThat(messages.message(row.id())).isEmpty();
    }

    @Test
    void aParticipantJoiningAChannelBeingDeletedAnswersChannelNotFound() throws Exception {
        UUID channel = channel(new UUID(0, 0));

        Throwable failure = ConcurrentDeletion.during("channels", channel, "channel_participants", () -> {
            channels.addParticipant(channel, UUID.randomUUID());
            return null;
        });

        assertNotFound(failure, "Channel not found");
    }

    @Test
    void aChannelOnAServerBeingDeletedAnswersServerNotFoundAndIsNotKept() throws Exception {
        UUID server = channels.createServer("doomed", "test", null, Json.MAPPER.createObjectNode()).id();
        UUID channel = UUID.randomUUID();

        Throwable failure = ConcurrentDeletion.during("message_servers", server, "channels",
                () -> channels.createChannel(channel, server, "c", "GROUP", null, Json.MAPPER.createObjectNode(),
                        List.of(UUID.randomUUID())));

        assertNotFound(failure, "Message server not found");
        assertThat(channels.channel(channel)).isEmpty();
    }

    private UUID channel(UUID server) {
        UUID id = UUID.randomUUID();
        channels.createChannel(id, server, "c", "GROUP", null, Json.MAPPER.createObjectNode(), List.of());
        return id;
    }

    private static void assertNotFound(Throwable failure, String message) {
        assertThat(failure).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
