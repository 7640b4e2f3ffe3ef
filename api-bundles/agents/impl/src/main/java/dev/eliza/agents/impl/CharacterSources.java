package dev.eliza.agents.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.http.api.ApiException;

/**
 * Finds the character in a create request, as ElizaOS accepts it: {@code characterJson}, {@code agent}, or
 * {@code characterPath} naming a JSON file inside the characters folder (never outside it).
 */
final class CharacterSources {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> charactersDir;

    CharacterSources(Optional<Path> charactersDir) {
        this.charactersDir = charactersDir.map(p -> p.toAbsolutePath().normalize());
    }

    ObjectNode characterFrom(JsonNode body) {
        if (body != null && body.get("characterJson") instanceof ObjectNode character) {
            return character;
        }
        if (body != null && body.get("agent") instanceof ObjectNode agent) {
            return agent;
        }
        if (body != null && body.path("characterPath").isTextual()) {
            return load(body.get("characterPath").asText());
        }
        throw createError("No character configuration provided");
    }

    private ObjectNode load(String name) {
        Path dir = charactersDir.orElseThrow(() -> createError("Loading characters from files is not enabled"));
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            throw createError("Character file not found: " + name);
        }
        try {
            if (JSON.readTree(file.toFile()) instanceof ObjectNode character) {
                return character;
            }
            throw createError("Character file does not hold a JSON object: " + name);
        } catch (IOException e) {
            throw createError("Character file is not valid JSON: " + name);
        }
    }

    private static ApiException createError(String message) {
        return new ApiException(400, "CREATE_ERROR", message, message);
    }
}
