package dev.eliza.models.api;

import java.util.Map;
import java.util.Optional;

/**
 * The settings a provider reads, by ElizaOS's own names ({@code OPENAI_API_KEY}, {@code OLLAMA_API_ENDPOINT}, …):
 * the character's {@code secrets} and {@code settings} first, then the process environment. Values are secrets;
 * never log them.
 *
 * @param values every setting by name
 */
public record ProviderSettings(Map<String, String> values) {

    /** A copy of {@code values}. */
    public ProviderSettings {
        values = Map.copyOf(values);
    }

    /** The setting's value, if set and not blank. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isBlank());
    }

    /** The setting's value, or {@code fallback} when it is not set. */
    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** Hides the values, which may be keys. */
    @Override
    public String toString() {
        return "ProviderSettings" + values.keySet();
    }
}
