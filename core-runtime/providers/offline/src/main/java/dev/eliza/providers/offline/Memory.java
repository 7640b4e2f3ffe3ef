package dev.eliza.providers.offline;

import java.util.ArrayList;
import java.util.List;

import dev.eliza.models.api.ChatTurn;

/**
 * ELIZA's memory, without state: the topics the user raised in earlier messages ("my ..." clauses that match a
 * remembered decomposition of the script), read again from the history each time, oldest first.
 */
final class Memory {
    /** A topic keeps at most this many words after "my". */
    static final int TOPIC_WORDS = 6;
    private static final List<Decomposition> REMEMBERED = Script.RULES.stream()
            .flatMap(rule -> rule.decompositions().stream()).filter(Decomposition::memory).toList();

    private Memory() {
    }

    /** The topics of the last {@code turns} user messages of {@code history}, as "your ..." fragments. */
    static List<String> topics(List<ChatTurn> history, int turns) {
        List<ChatTurn> recent = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0 && recent.size() < turns; i--) {
            if (history.get(i).role() == ChatTurn.Role.USER) {
                recent.add(0, history.get(i));
            }
        }
        List<String> topics = new ArrayList<>();
        int[] captures = new int[8];
        for (ChatTurn turn : recent) {
            for (Sentence sentence : Words.sentences(turn.text())) {
                int my = indexOf(sentence.words(), "my");
                if (my < 0 || my == sentence.length() - 1 || !remembered(sentence, captures)) {
                    continue;
                }
                int to = Math.min(sentence.length(), my + 1 + TOPIC_WORDS);
                String topic = Reflection.reflect(sentence, my + 1, to);
                if (!topics.contains(topic)) {
                    topics.add(topic);
                }
            }
        }
        return topics;
    }

    private static boolean remembered(Sentence sentence, int[] captures) {
        for (Decomposition decomposition : REMEMBERED) {
            if (decomposition.match(sentence, Script.GROUPS, captures)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(String[] words, String word) {
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals(word)) {
                return i;
            }
        }
        return -1;
    }
}
