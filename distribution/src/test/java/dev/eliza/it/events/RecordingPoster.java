package dev.eliza.it.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.eliza.messaging.api.ChannelPoster;
import dev.eliza.messaging.api.UnknownChannelException;

/** Keeps what is posted; the nil UUID is a channel that does not exist. */
public final class RecordingPoster implements ChannelPoster {
    private final List<Map<String, String>> posts = new ArrayList<>();

    @Override
    public synchronized UUID post(UUID channelId, UUID authorId, String text) {
        if (channelId.equals(new UUID(0, 0))) {
            throw new UnknownChannelException(channelId);
        }
        UUID id = UUID.randomUUID();
        posts.add(Map.of("id", id.toString(), "channelId", channelId.toString(), "authorId", authorId.toString(),
                "text", text));
        return id;
    }

    synchronized List<Map<String, String>> posts() {
        return List.copyOf(posts);
    }
}
