package dev.eliza.agents.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.InvalidCharacterException;

/**
 * Checks a character the way ElizaOS's schema does for the fields it knows (name required; bio text or list of
 * texts; lists of texts where lists are expected; objects where objects are expected). Unknown fields pass.
 */
final class CharacterValidator {
    private static final List<String> STRING_FIELDS = List.of("id", "username", "system");
    private static final List<String> STRING_LIST_FIELDS =
            List.of("plugins", "topics", "adjectives", "postExamples");
    private static final List<String> OBJECT_FIELDS = List.of("settings", "secrets", "style");

    private CharacterValidator() {
    }

    static void validate(ObjectNode character) {
        List<String> problems = new ArrayList<>();
        JsonNode name = character.get("name");
        if (name == null || !name.isTextual()) {
            problems.add("name: Invalid input: expected string, received " + describe(name));
        } else if (name.asText().isBlank()) {
            problems.add("name: must not be empty");
        }
        JsonNode bio = character.get("bio");
        if (bio != null && !bio.isTextual() && !isStringList(bio)) {
            problems.add("bio: Invalid input: expected string or array of strings, received " + describe(bio));
        }
        for (String field : STRING_FIELDS) {
            check(character, field, JsonNode::isTextual, "string", problems);
        }
        for (String field : STRING_LIST_FIELDS) {
            check(character, field, CharacterValidator::isStringList, "array of strings", problems);
        }
        for (String field : OBJECT_FIELDS) {
            check(character, field, JsonNode::isObject, "object", problems);
        }
        check(character, "messageExamples", JsonNode::isArray, "array", problems);
        check(character, "knowledge", JsonNode::isArray, "array", problems);
        if (!problems.isEmpty()) {
            throw new InvalidCharacterException("Character validation failed: " + String.join("; ", problems));
        }
    }

    private static void check(ObjectNode character, String field, java.util.function.Predicate<JsonNode> valid,
                              String expected, List<String> problems) {
        JsonNode value = character.get(field);
        if (value != null && !value.isNull() && !valid.test(value)) {
            problems.add(field + ": Invalid input: expected " + expected + ", received " + describe(value));
        }
    }

    private static boolean isStringList(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonNode node) {
        if (node == null) {
            return "undefined";
        }
        return Map.of("STRING", "string", "NUMBER", "number", "BOOLEAN", "boolean", "ARRAY", "array",
                "OBJECT", "object", "NULL", "null").getOrDefault(node.getNodeType().name(), "unknown");
    }
}
