package dev.eliza.audio.impl;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The audio types 1.7.2 accepts, by declared type; a file declared as {@code application/octet-stream} (or with
 * no type, as a browser sends a nameless blob) is accepted when its first bytes are one of those formats.
 */
final class AudioTypes {
    static final List<String> ALLOWED = List.of("audio/mpeg", "audio/mp3", "audio/wav", "audio/ogg", "audio/webm",
            "audio/mp4", "audio/aac", "audio/flac", "audio/x-wav", "audio/wave");

    private AudioTypes() {
    }

    /** The file's audio type, or empty when it is not audio 1.7.2 takes. */
    static Optional<String> of(String declared, byte[] head) {
        String type = declared == null ? "" : declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (ALLOWED.contains(type)) {
            return Optional.of(type);
        }
        if (type.isEmpty() || type.equals("application/octet-stream")) {
            return sniff(head);
        }
        return Optional.empty();
    }

    static Optional<String> sniff(byte[] b) {
        if (starts(b, 0, "RIFF") && starts(b, 8, "WAVE")) {
            return Optional.of("audio/wav");
        }
        if (starts(b, 0, "ID3") || b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0) {
            return Optional.of("audio/mpeg");
        }
        if (starts(b, 0, "OggS")) {
            return Optional.of("audio/ogg");
        }
        if (starts(b, 0, "fLaC")) {
            return Optional.of("audio/flac");
        }
        if (b.length > 3 && (b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF
                && (b[3] & 0xFF) == 0xA3) {
            return Optional.of("audio/webm");
        }
        if (starts(b, 4, "ftyp")) {
            return Optional.of("audio/mp4");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] bytes, int at, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
