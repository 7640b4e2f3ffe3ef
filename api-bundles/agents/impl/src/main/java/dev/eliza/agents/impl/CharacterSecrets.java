package dev.eliza.agents.impl;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Applies the cipher to the two places a character keeps secrets: {@code settings.secrets} and {@code secrets}. */
final class CharacterSecrets {
    private final SecretCipher cipher;

    CharacterSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** Encrypts, in place, every secret value not yet encrypted. */
    void encrypt(ObjectNode character) {
        secretObjects(character, (secrets, key, value) -> secrets.put(key, cipher.encrypt(value)));
    }

    /** The character's secrets in clear; {@code settings.secrets} wins over top-level {@code secrets}. */
    Map<String, String> decrypt(ObjectNode character) {
        Map<String, String> clear = new LinkedHashMap<>();
        secretObjects(character, (secrets, key, value) ->
                clear.putIfAbsent(key, cipher.decrypt(value).orElse(value)));
        return clear;
    }

    private static void secretObjects(ObjectNode character, SecretVisitor visitor) {
        JsonNode[] places = {character.path("settings").path("secrets"), character.path("secrets")};
        for (JsonNode secrets : places) {
            if (secrets instanceof ObjectNode object) {
                for (String key : iterable(object)) {
                    JsonNode value = object.get(key);
                    if (value != null && value.isValueNode() && !value.isNull()) {
                        visitor.visit(object, key, value.asText());
                    }
                }
            }
        }
    }

    private static Iterable<String> iterable(ObjectNode object) {
        return () -> object.deepCopy().fieldNames();
    }

    @FunctionalInterface
    private interface SecretVisitor {
        void visit(ObjectNode secrets, String key, String value);
    }
}
