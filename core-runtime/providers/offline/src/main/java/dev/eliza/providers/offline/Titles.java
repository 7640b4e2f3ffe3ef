package dev.eliza.providers.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.eliza.models.api.ChatTurn;

/**
 * A short title (two to four words) for a conversation: its most frequent content words, in the order the user
 * first used them, in title case. Only the user's side counts (the agent echoes the user's words anyway), at most
 * {@link Words#MAX_CHARS} characters of it.
 */
final class Titles {
    static final int MAX_WORDS = 4;
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "and", "or", "but", "if", "then", "so",
            "of", "to", "in", "on", "at", "by", "for", "with", "about", "from", "into", "over", "after", "before",
            "is", "am", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did",
            "not", "no", "yes", "can", "could", "will", "would", "should", "shall", "may", "might", "must", "i",
            "me", "my", "mine", "myself", "you", "your", "yours", "we", "us", "our", "he", "him", "his", "she",
            "her", "they", "them", "their", "it", "its", "this", "that", "these", "those", "there", "here", "what",
            "which", "who", "whom", "whose", "when", "where", "why", "how", "all", "any", "some", "more", "most",
            "very", "just", "also", "too", "than", "really", "like", "get", "got", "know", "think", "want", "need",
            "feel", "tell", "say", "said", "make", "let", "hello", "hi", "hey", "thanks", "thank", "please", "ok",
            "okay", "well", "oh", "now", "today", "one", "something", "anything", "thing", "things", "lot", "much",
            "many", "way", "going", "go", "good", "bad", "sure", "right", "title", "conversation", "write",
            "generate", "short", "words", "chat", "message", "messages", "user", "again", "still", "even");

    private Titles() {
    }

    static String title(List<ChatTurn> history, String prompt) {
        StringBuilder text = new StringBuilder();
        for (ChatTurn turn : history) {
            if (turn.role() == ChatTurn.Role.USER && text.length() < Words.MAX_CHARS) {
                text.append(turn.text()).append('\n');
            }
        }
        if (text.length() == 0) {
            text.append(prompt);
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (Sentence sentence : Words.sentences(text.toString())) {
            for (int i = 0; i < sentence.length(); i++) {
                String word = sentence.words()[i];
                if (word.length() < 3 || STOP_WORDS.contains(word) || !Character.isLetter(word.charAt(0))) {
                    continue;
                }
                counts.computeIfAbsent(word, w -> new int[1])[0]++;
                shown.putIfAbsent(word, sentence.shown()[i]);
            }
        }
        List<String> ranked = new ArrayList<>(counts.keySet());
        // Stable sort: among equally frequent words the earlier one wins.
        ranked.sort((a, b) -> counts.get(b)[0] - counts.get(a)[0]);
        List<String> chosen = ranked.subList(0, Math.min(MAX_WORDS, ranked.size()));
        List<String> words = new ArrayList<>();
        for (String word : counts.keySet()) {
            if (chosen.contains(word)) {
                words.add(capitalized(shown.get(word)));
            }
        }
        if (words.isEmpty()) {
            return "New Conversation";
        }
        if (words.size() == 1) {
            return "About " + words.get(0);
        }
        return String.join(" ", words);
    }

    private static String capitalized(String word) {
        if (word.chars().anyMatch(Character::isUpperCase)) {
            return word;
        }
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
