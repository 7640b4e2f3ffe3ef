package dev.eliza.audio.api;

/**
 * Synthesized speech: an audio file's bytes and their media type ({@code audio/wav}, {@code audio/mpeg}, …).
 *
 * @param bytes the whole file
 * @param mimeType its type, sent as the response's {@code Content-Type}
 */
public record SpeechAudio(byte[] bytes, String mimeType) {
    /** A copy of {@code bytes}, so the record cannot be changed from outside. */
    public SpeechAudio {
        bytes = bytes.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The size in bytes. */
    public int length() {
        return bytes.length;
    }
}
