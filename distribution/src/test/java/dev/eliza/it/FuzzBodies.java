package dev.eliza.it;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Malformed request bodies from a seeded {@link Random}: broken and wrongly typed JSON, huge values, deep nesting,
 * broken multipart, binary garbage. None contains the words the leak check looks for, so an echo is no false alarm.
 */
final class FuzzBodies {
    /** A body, the Content-Type to send it with (null for none) and what kind of malformation it is. */
    record Body(String kind, String contentType, byte[] bytes) {
    }

    static final String BOUNDARY = "fuzzBoundary7";
    private static final String[] FIELDS = {"name", "text", "content", "agentId", "userId", "roomId", "channelId",
        "serverId", "message_server_id", "participantCentralUserIds", "characterJson", "bio", "metadata", "timeout",
        "timeoutMinutes", "limit", "query", "q", "type", "entityId", "author_id", "source_type", "raw_message",
        "audio", "file", "enabled", "settings", "plugins", "title", "embedding", "worldId", "prompt", "model"};
    private static final String[] VALUES = {"null", "true", "-1", "0", "1e400", "-9223372036854775809",
        "123456789012345678901234567890", "\"\"", "\"not-a-uuid\"", "[]", "{}", "[null]", "\"\\u0000\"",
        "\"\\ud800\"", "3.14", "{\"$ref\":\"#\"}", "[1,\"a\",{}]", "\"2026-13-45T99:99:99Z\"", "NaN", "\"%s\""};

    private FuzzBodies() {
    }

    static Body next(Random random, String declared) {
        return switch (random.nextInt(13)) {
            case 0 -> json("bad-json", pick(random, "{", "{\"a\":", "[1,2", "{\"a\" 1}", "nul", "{'a':1}",
                    "{\"a\":1}}", "\u0000", "{\"a\":\"\\x\"}", "{\"a\":01}", "  ", ""));
            case 1, 2 -> json("wrong-types", object(random, 1 + random.nextInt(6)));
            case 3 -> json("huge-value", "{\"" + pick(random, FIELDS) + "\":\"" + "A".repeat(200_000
                    + random.nextInt(900_000)) + "\"}");
            case 4 -> json("deep-nesting", "[".repeat(20_000) + "]".repeat(random.nextBoolean() ? 20_000 : 3));
            case 5 -> json("top-level", pick(random, "[]", "null", "42", "\"text\"", "true", "[{}]"));
            case 6 -> new Body("wrong-content-type", pick(random, "text/plain", "application/xml", "x/garbage",
                    "application/json; charset=ebcdic", "multipart/form-data", "application/x-www-form-urlencoded",
                    ";;;", "application/json;charset=\""),
                    object(random, 3).getBytes(StandardCharsets.UTF_8));
            case 7 -> multipart(random);
            case 8 -> {
                byte[] bytes = new byte[random.nextInt(4096)];
                random.nextBytes(bytes);
                yield new Body("binary", random.nextBoolean() ? declared : "application/octet-stream", bytes);
            }
            case 9 -> new Body("no-content-type", null, object(random, 2).getBytes(StandardCharsets.UTF_8));
            case 10 -> new Body("invalid-utf8", "application/json", new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xff,
                (byte) 0xfe, (byte) 0xc3, '"', '}'});
            case 11 -> new Body("oversize", declared.isEmpty() ? "application/json" : declared,
                    ("{\"text\":\"" + "B".repeat(6_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
            default -> json("valid-shape", object(random, 0));
        };
    }

    private static Body json(String kind, String text) {
        return new Body(kind, "application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON object of plausible field names holding values of the wrong types (or none with {@code n == 0}). */
    private static String object(Random random, int n) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(pick(random, FIELDS)).append("\":")
                    .append(pick(random, VALUES));
        }
        return json.append('}').toString();
    }

    private static Body multipart(Random random) {
        String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + pick(random, "file", "audio", "x", "") + "\"; filename=\"" + pick(random, "a.wav", "../../x",
                        "", "a\u0000b.mp3") + "\"\r\nContent-Type: " + pick(random, "audio/wav", "image/png",
                        "application/x-msdownload", "") + "\r\n\r\n" + "RIFF\u0000\u0001garbage";
        String end = switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> "\r\n--" + BOUNDARY;
            case 2 -> "\r\n--wrongBoundary--\r\n";
            case 3 -> "\r\n--" + BOUNDARY + "--\r\n";
            default -> "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data\r\n";
        };
        String type = pick(random, "multipart/form-data; boundary=" + BOUNDARY, "multipart/form-data",
                "multipart/form-data; boundary=", "multipart/form-data; boundary=" + "q".repeat(300));
        return new Body("broken-multipart", type, (part + end).getBytes(StandardCharsets.UTF_8));
    }

    @SafeVarargs
    static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
