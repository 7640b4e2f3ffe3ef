package dev.eliza.messaging.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The shapes of the 1.7.2 captures ({@code messaging_channels_create}, {@code messaging_channel_messages}). */
class ViewsTest {
    private static final Instant CREATED = Instant.parse("2026-11-23T16:49:03.664Z");
    private static final UUID CHANNEL = UUID.fromString("ec1de6fe-4464-47cb-b52e-e2d46c05207e");

    @Test
    void aChannelAsCreated() {
        ChannelRow row = new ChannelRow(CHANNEL, new UUID(0, 0), "Wire channel", "GROUP", null,
                "{\"topic\":\"wire\"}", CREATED, CREATED);
        assertThat(Views.channel(row).toString()).isEqualTo("{\"id\":\"ec1de6fe-4464-47cb-b52e-e2d46c05207e\","
                + "\"messageServerId\":\"00000000-0000-0000-0000-000000000000\",\"name\":\"Wire channel\","
                + "\"type\":\"GROUP\",\"metadata\":{\"topic\":\"wire\"},\"createdAt\":\"2026-11-23T16:49:03.664Z\","
                + "\"updatedAt\":\"2026-11-23T16:49:03.664Z\"}");
    }

    @Test
    void aListedMessageCarriesIsoAndEpochTimes() {
        UUID id = UUID.fromString("21fc8bca-2db0-46a4-b1bb-67f43b73c16b");
        UUID author = UUID.fromString("e1d9d78e-dbc2-48fc-9dcf-fc67b3f698c8");
        Instant at = Instant.parse("2026-11-23T16:49:06.000Z");
        MessageRow row = new MessageRow(id, CHANNEL, new UUID(0, 0), author, "Wire User", "hello", "eliza_gui", null,
                null, "{\"user_display_name\":\"Wire User\"}", null, null, at, at);
        assertThat(Views.message(row).toString()).isEqualTo("{\"id\":\"21fc8bca-2db0-46a4-b1bb-67f43b73c16b\","
                + "\"channelId\":\"ec1de6fe-4464-47cb-b52e-e2d46c05207e\","
                + "\"authorId\":\"e1d9d78e-dbc2-48fc-9dcf-fc67b3f698c8\",\"content\":\"hello\","
                + "\"sourceType\":\"eliza_gui\",\"metadata\":{\"user_display_name\":\"Wire User\"},"
                + "\"inReplyToRootMessageId\":null,\"createdAt\":\"2026-11-23T16:49:06.000Z\","
                + "\"updatedAt\":\"2026-11-23T16:49:06.000Z\",\"created_at\":1795452546000,"
                + "\"updated_at\":1795452546000}");
        assertThat(Views.userMessage(row).toString()).isEqualTo("{\"id\":\"21fc8bca-2db0-46a4-b1bb-67f43b73c16b\","
                + "\"channel_id\":\"ec1de6fe-4464-47cb-b52e-e2d46c05207e\","
                + "\"message_server_id\":\"00000000-0000-0000-0000-000000000000\","
                + "\"author_id\":\"e1d9d78e-dbc2-48fc-9dcf-fc67b3f698c8\",\"content\":\"hello\","
                + "\"created_at\":1795452546000,\"source_type\":\"eliza_gui\","
                + "\"metadata\":{\"user_display_name\":\"Wire User\"},\"author_display_name\":\"Wire User\"}");
    }

    @Test
    void storedJsonIsWrittenAsStoredAndMetadataIsAlwaysAnObject() {
        UUID id = UUID.fromString("21fc8bca-2db0-46a4-b1bb-67f43b73c16b");
        Instant at = Instant.parse("2026-11-23T16:49:06.000Z");
        MessageRow row = new MessageRow(id, CHANNEL, new UUID(0, 0), id, "", "hi", "eliza_gui", null,
                "{\"text\": \"hi\"}", "{\"a\": [1, 2]}", "[{\"url\": \"/media/x.png\"}]", null, at, at);
        assertThat(Views.message(row).toString()).contains("\"rawMessage\":{\"text\": \"hi\"}")
                .contains("\"metadata\":{\"a\": [1, 2]}").contains("\"attachments\":[{\"url\": \"/media/x.png\"}]");
        MessageRow bare = new MessageRow(id, CHANNEL, new UUID(0, 0), id, "", "hi", "eliza_gui", null,
                null, "[]", null, null, at, at);
        assertThat(Views.message(bare).toString()).contains("\"metadata\":{}").doesNotContain("rawMessage")
                .doesNotContain("attachments");
    }
}
