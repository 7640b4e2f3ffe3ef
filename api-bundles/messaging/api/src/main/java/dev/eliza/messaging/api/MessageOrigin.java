package dev.eliza.messaging.api;

/** How a message reached the server; its {@code messageBroadcast} shape follows from it (WIRE-NOTES §4). */
public enum MessageOrigin {
    /** A Socket.IO {@code "2"} send. */
    SOCKET,
    /** {@code POST /channels/:id/messages}. */
    REST,
    /** {@code POST /submit}, and every agent reply. */
    SUBMIT,
    /** {@code POST /action}. */
    ACTION,
    /** {@code POST /ingest-external}. */
    INGEST,
    /** A plugin, through {@link ChannelPoster}. */
    PLUGIN
}
