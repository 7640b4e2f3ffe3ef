package dev.eliza.agents.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads an ElizaOS character file as it is (unknown fields kept), failing with a message naming file and problem. */
final class CharacterFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CharacterFiles() {
    }

    static ObjectNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LaunchException(file + ": no such character file");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new LaunchException(file + ": not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new LaunchException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (!(tree instanceof ObjectNode character)) {
            throw new LaunchException(file + ": a character file holds one JSON object");
        }
        return character;
    }

    /** Why the characters asked for at launch could not be created or started. */
    static final class LaunchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LaunchException(String message) {
            super(message);
        }
    }
}
