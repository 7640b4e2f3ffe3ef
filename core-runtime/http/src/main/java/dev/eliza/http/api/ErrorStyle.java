package dev.eliza.http.api;

/** The error body shapes of ElizaOS 1.x route families (WIRE-NOTES section 3). */
public enum ErrorStyle {
    /** {@code {"success":false,"error":{"code","message","details"?}}}: agents, memory, audio, media, system. */
    STANDARD,
    /** {@code {"success":false,"error":"message","details"?}}: messaging servers, channels, submit, jobs. */
    PLAIN_MESSAGE,
    /** {@code {"error":{"code","message","timestamp","details"?}}}: sessions. */
    SESSIONS
}
