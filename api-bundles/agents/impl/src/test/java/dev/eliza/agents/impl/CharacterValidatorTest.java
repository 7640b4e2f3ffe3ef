package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.InvalidCharacterException;

class CharacterValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMissingNameIsReportedAsElizaDoes() {
        assertThatThrownBy(() -> CharacterValidator.validate(character("{\"bio\":\"no name\"}")))
                .isInstanceOf(InvalidCharacterException.class)
                .hasMessage("Character validation failed: name: Invalid input: expected string, received undefined");
    }

    @Test
    void bioMayBeTextOrAListOfTexts() {
        assertThatCode(() -> CharacterValidator.validate(character("{\"name\":\"a\",\"bio\":\"x\"}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> CharacterValidator.validate(character("{\"name\":\"a\",\"bio\":[\"x\",\"y\"]}")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> CharacterValidator.validate(character("{\"name\":\"a\",\"bio\":7}")))
                .hasMessageContaining("bio: Invalid input: expected string or array of strings, received number");
    }

    @Test
    void everyProblemIsListedAndUnknownFieldsPass() {
        assertThatThrownBy(() -> CharacterValidator.validate(
                character("{\"name\":3,\"plugins\":[1],\"settings\":[],\"anything\":{\"goes\":true}}")))
                .hasMessageContaining("name: Invalid input: expected string, received number")
                .hasMessageContaining("; plugins: Invalid input: expected array of strings")
                .hasMessageContaining("; settings: Invalid input: expected object, received array")
                .hasMessageNotContaining("anything");
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> CharacterValidator.validate(character("{\"name\":\"  \"}")))
                .hasMessageContaining("name: must not be empty");
    }

    private static ObjectNode character(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }
}
