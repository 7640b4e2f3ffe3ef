package dev.eliza.providers.offline;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.eliza.models.api.ChatTurn;

/**
 * The agent's name, for greetings: the name on its own earlier turns, else what the system prompt calls it
 * ("# About Ada", "You are Ada.", "Your name is Ada", "Name: Ada").
 */
final class AgentName {
    private static final int MAX_SYSTEM_CHARS = 4_000;
    private static final Pattern ABOUT = Pattern.compile("(?m)^#+\\s*About\\s+([^\\n]{1,60}?)\\s*$");
    private static final Pattern LABEL = Pattern.compile("(?im)^\\s*(?:name|character)\\s*:\\s*([^\\n,.;]{1,40})");
    private static final Pattern INTRO = Pattern.compile(
            "\\b(?:[Yy]ou are|[Yy]our name is|[Yy]ou're)\\s+(\\p{Lu}[\\p{L}\\p{N}_'-]{0,39})");
    private static final Set<String> NOT_NAMES = Set.of("A", "An", "The", "I", "Not", "Now", "Here", "This");

    private AgentName() {
    }

    static Optional<String> of(String system, List<ChatTurn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            ChatTurn turn = history.get(i);
            if (turn.role() == ChatTurn.Role.ASSISTANT && turn.name() != null && !turn.name().isBlank()) {
                return Optional.of(turn.name().strip());
            }
        }
        if (system == null || system.isBlank()) {
            return Optional.empty();
        }
        String head = system.length() > MAX_SYSTEM_CHARS ? system.substring(0, MAX_SYSTEM_CHARS) : system;
        for (Pattern pattern : new Pattern[] {ABOUT, LABEL, INTRO}) {
            Matcher matcher = pattern.matcher(head);
            while (matcher.find()) {
                String name = matcher.group(1).strip();
                if (!name.isEmpty() && !NOT_NAMES.contains(name)) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }
}
