package dev.eliza.apidocs;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON Schema fragments for the event catalogue, written as {@code object(required("id", UUID), optional(...))}. */
final class Schemas {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final ObjectNode STRING = type("string");
    static final ObjectNode UUID = type("string").put("format", "uuid");
    static final ObjectNode NUMBER = type("number");
    static final ObjectNode INTEGER = type("integer");
    static final ObjectNode BOOLEAN = type("boolean");
    static final ObjectNode ANY_OBJECT = type("object");
    static final ObjectNode ANY = MAPPER.createObjectNode();

    private Schemas() {
    }

    /** One property of an object schema. */
    record Property(String name, ObjectNode schema, boolean required) {
    }

    static Property required(String name, ObjectNode schema) {
        return new Property(name, schema, true);
    }

    static Property optional(String name, ObjectNode schema) {
        return new Property(name, schema, false);
    }

    static ObjectNode object(Property... properties) {
        ObjectNode schema = type("object");
        ObjectNode props = schema.putObject("properties");
        var required = schema.putArray("required");
        for (Property property : List.of(properties)) {
            props.set(property.name(), property.schema().deepCopy());
            if (property.required()) {
                required.add(property.name());
            }
        }
        if (required.isEmpty()) {
            schema.remove("required");
        }
        return schema;
    }

    static ObjectNode arrayOf(ObjectNode items) {
        ObjectNode schema = type("array");
        schema.set("items", items.deepCopy());
        return schema;
    }

    static ObjectNode constant(String value) {
        return type("string").put("const", value);
    }

    static ObjectNode oneOf(ObjectNode... choices) {
        ObjectNode schema = MAPPER.createObjectNode();
        var array = schema.putArray("oneOf");
        for (ObjectNode choice : choices) {
            array.add(choice.deepCopy());
        }
        return schema;
    }

    private static ObjectNode type(String type) {
        return MAPPER.createObjectNode().put("type", type);
    }
}
