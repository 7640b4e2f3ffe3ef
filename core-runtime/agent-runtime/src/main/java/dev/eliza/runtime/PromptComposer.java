package dev.eliza.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.models.api.ChatTurn;

/**
 * Turns a character, the room's recent messages and recalled memories into a system prompt and a history, the way
 * ElizaOS's message handler frames them: who the agent is ({@code system}, {@code bio}, {@code adjectives},
 * {@code topics}), how it talks ({@code style.all}, {@code style.chat}, {@code messageExamples}), what it remembers,
 * then the conversation with the agent's own messages as the assistant's turns.
 */
final class PromptComposer {
    private static final Pattern USER_PLACEHOLDER = Pattern.compile("\\{\\{(user\\d*|name\\d*)}}");

    /** The system prompt of the agent with this character, carrying {@code memories} when there are any. */
    String system(ObjectNode character, List<String> memories) {
        String name = character.path("name").asText();
        StringBuilder out = new StringBuilder();
        String system = character.path("system").asText("");
        out.append(system.isBlank() ? "You are " + name + "." : system.strip());
        section(out, "About " + name, texts(character.path("bio")));
        line(out, name + " is", texts(character.path("adjectives")));
        line(out, name + " is interested in", texts(character.path("topics")));
        List<String> style = new ArrayList<>(texts(character.path("style").path("all")));
        style.addAll(texts(character.path("style").path("chat")));
        section(out, "How " + name + " writes", style.stream().map(s -> "- " + s).toList());
        section(out, "Example conversations", examples(character.path("messageExamples"), name));
        section(out, "What " + name + " remembers", memories.stream().map(m -> "- " + m).toList());
        return out.toString();
    }

    /** The room's messages as turns, oldest first: the agent's own are the assistant's. */
    List<ChatTurn> history(UUID agentId, List<Turn> messages) {
        return messages.stream().map(m -> new ChatTurn(m.authorId().equals(agentId) ? ChatTurn.Role.ASSISTANT
                : ChatTurn.Role.USER, m.authorName(), m.text())).toList();
    }

    /** One earlier message, as the composer needs it. */
    record Turn(UUID authorId, String authorName, String text) {
    }

    private static List<String> examples(JsonNode conversations, String agentName) {
        List<String> lines = new ArrayList<>();
        for (JsonNode conversation : conversations) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            for (JsonNode message : conversation) {
                String speaker = message.path("name").asText(message.path("user").asText("User"));
                String text = message.path("content").path("text").asText("");
                if (!text.isBlank()) {
                    lines.add(placeholders(speaker, agentName) + ": " + placeholders(text, agentName));
                }
            }
        }
        return lines;
    }

    private static String placeholders(String text, String agentName) {
        return USER_PLACEHOLDER.matcher(text.replace("{{agentName}}", agentName)).replaceAll("User");
    }

    /** A text or a list of texts (ElizaOS allows both for {@code bio}); blanks dropped. */
    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isTextual()) {
            texts.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(item -> {
                if (item.isTextual()) {
                    texts.add(item.asText());
                }
            });
        }
        return texts.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.append("\n\n# ").append(title).append('\n').append(String.join("\n", lines));
        }
    }

    private static void line(StringBuilder out, String label, List<String> items) {
        if (!items.isEmpty()) {
            out.append("\n\n").append(label).append(": ").append(String.join(", ", items)).append('.');
        }
    }
}
