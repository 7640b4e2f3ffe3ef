package dev.eliza.agents.impl;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON merge-patch (RFC 7386) of a character: objects merge key by key, {@code null} removes, the rest replaces. */
final class CharacterMerge {
    private CharacterMerge() {
    }

    static void merge(ObjectNode target, ObjectNode changes) {
        Iterator<Map.Entry<String, JsonNode>> fields = changes.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> change = fields.next();
            String key = change.getKey();
            JsonNode value = change.getValue();
            if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject() && target.get(key) instanceof ObjectNode existing) {
                merge(existing, (ObjectNode) value);
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }
}
