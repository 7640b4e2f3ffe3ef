package dev.eliza.http.impl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.eliza.http.api.ErrorEnvelope;
import dev.eliza.http.api.ErrorStyle;

/** Builds error bodies in the shape of a route family (WIRE-NOTES section 3). */
final class ErrorBodies {
    private ErrorBodies() {
    }

    static ErrorStyle styleOf(Class<?> resourceClass) {
        if (resourceClass == null) {
            return ErrorStyle.STANDARD;
        }
        ErrorEnvelope envelope = resourceClass.getAnnotation(ErrorEnvelope.class);
        return envelope == null ? ErrorStyle.STANDARD : envelope.value();
    }

    static Map<String, Object> render(ErrorStyle style, String code, String message, Optional<Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (style) {
            case PLAIN_MESSAGE -> {
                body.put("success", false);
                body.put("error", message);
                details.ifPresent(d -> body.put("details", d));
            }
            case SESSIONS -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", code);
                error.put("message", message);
                error.put("timestamp", Instant.now().toString());
                details.ifPresent(d -> error.put("details", d));
                body.put("error", error);
            }
            default -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", code);
                error.put("message", message);
                details.ifPresent(d -> error.put("details", d));
                body.put("success", false);
                body.put("error", error);
            }
        }
        return body;
    }
}
