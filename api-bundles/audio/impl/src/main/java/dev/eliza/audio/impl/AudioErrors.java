package dev.eliza.audio.impl;

import dev.eliza.audio.api.AudioProviderException;
import dev.eliza.http.api.ApiException;

/** The audio routes' errors, with 1.7.2's codes and messages where it has them (WIRE-NOTES section 3). */
final class AudioErrors {
    static final String INVALID_REQUEST = "INVALID_REQUEST";

    private AudioErrors() {
    }

    static ApiException invalidId() {
        return new ApiException(400, "INVALID_ID", "Invalid agent ID format");
    }

    static ApiException agentNotFound() {
        return new ApiException(404, "NOT_FOUND", "Agent not found");
    }

    static ApiException agentNotRunning() {
        return new ApiException(503, "AGENT_NOT_RUNNING", "Agent is not running: start it to talk with it");
    }

    static ApiException invalid(String message) {
        return new ApiException(400, INVALID_REQUEST, message);
    }

    static ApiException noFile() {
        return invalid("No audio file provided");
    }

    static ApiException invalidType() {
        return new ApiException(415, "INVALID_FILE_TYPE", "Invalid audio file type. Only "
                + String.join(", ", AudioTypes.ALLOWED) + " are allowed");
    }

    static ApiException tooLarge(long maxBytes) {
        String max = maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + "MB" : maxBytes / 1024 + "KB";
        return new ApiException(413, "FILE_TOO_LARGE", "Audio file too large (max " + max + ")");
    }

    static ApiException noSpeech() {
        return new ApiException(422, "NO_SPEECH", "No speech was recognized in the audio file");
    }

    /** A provider's failure: unavailable 503, bad input 422, too long 413, failed 502; its message as details. */
    static ApiException provider(String what, AudioProviderException e) {
        return switch (e.reason()) {
            case UNAVAILABLE -> new ApiException(503, "SERVICE_UNAVAILABLE", e.getMessage());
            case INVALID_INPUT -> new ApiException(422, "INVALID_INPUT", e.getMessage());
            case TOO_LARGE -> new ApiException(413, "FILE_TOO_LARGE", e.getMessage());
            case FAILED -> new ApiException(502, "PROCESSING_ERROR", "Error " + what, e.getMessage());
        };
    }
}
