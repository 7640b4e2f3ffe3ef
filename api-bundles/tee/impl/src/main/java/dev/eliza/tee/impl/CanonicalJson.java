package dev.eliza.tee.impl;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The bytes a report's signature covers: its JSON in UTF-8 with object keys sorted (by UTF-16 code units, as
 * JavaScript's default sort does) at every level and no whitespace. Reports hold only ASCII strings without
 * characters JSON must escape, booleans and integers, so {@code JSON.stringify} of the key-sorted report gives the
 * same bytes in a browser.
 */
final class CanonicalJson {
    static final String DESCRIPTION = "UTF-8 JSON of the report, object keys sorted at every level, no whitespace";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CanonicalJson() {
    }

    static byte[] bytes(Map<String, Object> report) {
        try {
            return MAPPER.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report of strings and numbers always serialises", e);
        }
    }
}
