package dev.eliza.media.api;

import java.util.Arrays;
import java.util.Optional;

/** Whom an upload belongs to: an agent or a channel. Its {@link #segment()} is the URL segment of the downloads. */
public enum MediaScope {
    /** Uploaded for an agent ({@code /api/media/agents/:id/upload-media}). */
    AGENT("agents"),
    /** Uploaded to a channel ({@code /api/media/channels/:id/upload-media} and the messaging alias). */
    CHANNEL("channels");

    private final String segment;

    MediaScope(String segment) {
        this.segment = segment;
    }

    /** {@code agents} or {@code channels}, as in {@code /media/uploads/agents/...}. */
    public String segment() {
        return segment;
    }

    /** The scope whose URL segment is {@code segment}, if any. */
    public static Optional<MediaScope> ofSegment(String segment) {
        return Arrays.stream(values()).filter(s -> s.segment.equals(segment)).findFirst();
    }
}
