package dev.eliza.runtime;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.models.api.ProviderSettings;

/**
 * An agent's provider settings as ElizaOS layers them: the process environment, overlaid by the character's
 * {@code settings} (text values only; {@code settings.secrets} is an object and not a setting), overlaid by its
 * secrets in clear.
 */
final class ProviderSettingsResolver {
    private final Map<String, String> environment;

    ProviderSettingsResolver(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    ProviderSettings resolve(ObjectNode character, Map<String, String> secrets) {
        Map<String, String> values = new HashMap<>(environment);
        JsonNode settings = character.path("settings");
        settings.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isValueNode() && !value.isNull()) {
                values.put(field.getKey(), value.asText());
            }
        });
        values.putAll(secrets);
        return new ProviderSettings(values);
    }
}
