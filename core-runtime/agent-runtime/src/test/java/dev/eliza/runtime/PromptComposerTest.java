package dev.eliza.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.models.api.ChatTurn;

class PromptComposerTest {
    private final PromptComposer composer = new PromptComposer();

    private static ObjectNode character(String json) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(json);
    }

    @Test
    void theSystemPromptCarriesEveryPartOfTheCharacter() throws Exception {
        ObjectNode character = character("""
                {"name":"Ada","system":"You are Ada, a patient tutor.","bio":["Taught maths.","Likes tea."],
                 "adjectives":["patient","precise"],"topics":["algebra","tea"],
                 "style":{"all":["short sentences"],"chat":["ask a question back"],"post":["never used"]},
                 "messageExamples":[[{"name":"{{user1}}","content":{"text":"Hi {{agentName}}"}},
                                     {"name":"Ada","content":{"text":"Hello! What shall we solve?"}}]]}""");

        String system = composer.system(character, List.of());

        assertThat(system).isEqualTo("""
                You are Ada, a patient tutor.

                # About Ada
                Taught maths.
                Likes tea.

                Ada is: patient, precise.

                Ada is interested in: algebra, tea.

                # How Ada writes
                - short sentences
                - ask a question back

                # Example conversations
                User: Hi Ada
                Ada: Hello! What shall we solve?""");
    }

    @Test
    void aBioInOneStringAndNoSystemStillMakeAPrompt() throws Exception {
        String system = composer.system(character("{\"name\":\"Bo\",\"bio\":\"A sailor.\"}"), List.of());

        assertThat(system).isEqualTo("You are Bo.\n\n# About Bo\nA sailor.");
    }

    @Test
    void recalledMemoriesHaveTheirOwnSection() throws Exception {
        String system = composer.system(character("{\"name\":\"Bo\"}"), List.of("Ann has a dog", "Ann likes jazz"));

        assertThat(system).endsWith("# What Bo remembers\n- Ann has a dog\n- Ann likes jazz");
    }

    @Test
    void theAgentsOwnMessagesAreTheAssistantsTurns() {
        UUID agent = UUID.randomUUID();
        UUID ann = UUID.randomUUID();

        List<ChatTurn> turns = composer.history(agent, List.of(new PromptComposer.Turn(ann, "Ann", "hi"),
                new PromptComposer.Turn(agent, "Bo", "ahoy"), new PromptComposer.Turn(UUID.randomUUID(), "Cy", "yo")));

        assertThat(turns).containsExactly(new ChatTurn(ChatTurn.Role.USER, "Ann", "hi"),
                new ChatTurn(ChatTurn.Role.ASSISTANT, "Bo", "ahoy"), new ChatTurn(ChatTurn.Role.USER, "Cy", "yo"));
    }
}
