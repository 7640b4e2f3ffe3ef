package dev.eliza.audio.impl;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** A request's named text values, from a JSON body or from a form's fields alike. */
interface Fields {
    /** The value of {@code name} when it is a non-blank text; 400 when it is present but not text. */
    Optional<String> text(String name);

    static Fields of(JsonNode body) {
        return name -> {
            JsonNode value = body == null ? null : body.get(name);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isTextual()) {
                throw AudioErrors.invalid("'" + name + "' must be a string");
            }
            return Optional.of(value.asText().trim()).filter(v -> !v.isEmpty());
        };
    }

    static Fields of(Map<String, String> form) {
        return name -> Optional.ofNullable(form.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The text to speak or say, required and at most {@code max} characters. */
    default String requiredText(String missing, int max) {
        String text = text("text").orElseThrow(() -> AudioErrors.invalid(missing));
        if (text.length() > max) {
            throw AudioErrors.invalid("Text exceeds the maximum length of " + max + " characters");
        }
        return text;
    }
}
