package dev.eliza.realtime.impl;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The query of an Engine.IO request, parsed without failing: the Engine.IO library's own parser throws on a
 * missing query, a repeated key or a bad percent-escape, and every such throw used to surface as a 500.
 *
 * @param values the first value of each key
 * @param ambiguous whether {@code EIO}, {@code transport} or {@code sid} appeared more than once
 * @param malformed whether some part could not be decoded
 */
record EngineIoQuery(Map<String, String> values, boolean ambiguous, boolean malformed) {
    private static final Set<String> PROTOCOL_KEYS = Set.of("EIO", "transport", "sid");
    /** JSONP polling was dropped from Engine.IO v4; the library would still take it and fail on its bodies. */
    private static final String JSONP = "j";

    static EngineIoQuery parse(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean ambiguous = false;
        boolean malformed = false;
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                Optional<String> key = decode(equals < 0 ? pair : pair.substring(0, equals));
                Optional<String> value = decode(equals < 0 ? "" : pair.substring(equals + 1));
                if (key.isEmpty() || value.isEmpty()) {
                    malformed = true;
                } else if (!key.get().isEmpty()) {
                    String previous = values.putIfAbsent(key.get(), value.get());
                    ambiguous |= previous != null && PROTOCOL_KEYS.contains(key.get());
                }
            }
        }
        return new EngineIoQuery(Map.copyOf(values), ambiguous, malformed);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A query string the library parses safely: one value per key, every part encoded, no JSONP. */
    String canonical() {
        StringJoiner query = new StringJoiner("&");
        values.forEach((key, value) -> {
            if (!JSONP.equals(key)) {
                query.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static Optional<String> decode(String text) {
        try {
            return Optional.of(URLDecoder.decode(text, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
