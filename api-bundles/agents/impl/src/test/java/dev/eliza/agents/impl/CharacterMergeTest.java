package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class CharacterMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mergesObjectsRemovesNullsAndReplacesTheRest() throws Exception {
        ObjectNode target = (ObjectNode) JSON.readTree("{\"name\":\"a\",\"bio\":[\"x\",\"y\"],\"gone\":1,"
                + "\"settings\":{\"model\":\"m\",\"secrets\":{\"A\":\"1\",\"B\":\"2\"}}}");
        ObjectNode changes = (ObjectNode) JSON.readTree("{\"bio\":[\"z\"],\"gone\":null,"
                + "\"settings\":{\"secrets\":{\"B\":null,\"C\":\"3\"}},\"added\":true}");
        CharacterMerge.merge(target, changes);
        assertThat(target).isEqualTo(JSON.readTree("{\"name\":\"a\",\"bio\":[\"z\"],"
                + "\"settings\":{\"model\":\"m\",\"secrets\":{\"A\":\"1\",\"C\":\"3\"}},\"added\":true}"));
    }
}
