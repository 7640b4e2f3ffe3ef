package dev.eliza.pluginhost;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.eliza.messaging.api.ChannelPoster;
import dev.eliza.messaging.api.UnknownChannelException;
import dev.eliza.sdk.ChannelMessages;
import dev.eliza.sdk.PlatformUnavailableException;

/** Plugins' way to post channel messages, through the messaging domain's {@link ChannelPoster}. */
final class ChannelMessagesView implements ChannelMessages {
    private final Supplier<Optional<ChannelPoster>> poster;

    ChannelMessagesView(Supplier<Optional<ChannelPoster>> poster) {
        this.poster = poster;
    }

    @Override
    public UUID send(UUID channelId, UUID authorId, String text) {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(authorId, "authorId");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A message needs text");
        }
        ChannelPoster messaging = poster.get()
                .orElseThrow(() -> new PlatformUnavailableException("The messaging module is not running"));
        try {
            return messaging.post(channelId, authorId, text);
        } catch (UnknownChannelException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
