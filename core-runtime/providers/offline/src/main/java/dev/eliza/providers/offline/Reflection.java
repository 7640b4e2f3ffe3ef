package dev.eliza.providers.offline;

import java.util.Map;
import java.util.Set;

/**
 * Turns the user's words around so they can be said back: "I am tired of my job" becomes "you are tired of your
 * job", "you never listen to me" becomes "I never listen to you".
 */
final class Reflection {
    private static final Map<String, String> SWAPPED = Map.ofEntries(
            Map.entry("i", "you"), Map.entry("me", "you"), Map.entry("my", "your"), Map.entry("mine", "yours"),
            Map.entry("myself", "yourself"), Map.entry("am", "are"), Map.entry("your", "my"),
            Map.entry("yours", "mine"), Map.entry("yourself", "myself"), Map.entry("we", "we"),
            Map.entry("our", "our"));
    /** After "you" one of these says "you" is the subject, so it becomes "I"; elsewhere it becomes "me". */
    private static final Set<String> SUBJECT_FOLLOWERS = Set.of("are", "were", "have", "had", "will", "would", "can",
            "could", "do", "did", "does", "should", "must", "might", "may", "feel", "think", "want", "need", "know",
            "like", "love", "hate", "said", "say", "seem", "look", "always", "never", "really", "just", "not",
            "make", "made", "keep", "kept", "understand", "remember", "forget", "get", "got", "tell", "told");

    private Reflection() {
    }

    /** Words {@code from} (inclusive) to {@code to} (exclusive) of {@code sentence}, reflected and joined. */
    static String reflect(Sentence sentence, int from, int to) {
        String[] words = sentence.words();
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(reflectOne(words, sentence.shown(), i, from, to));
        }
        return out.toString();
    }

    private static String reflectOne(String[] words, String[] shown, int i, int from, int to) {
        String word = words[i];
        String previous = i > from ? words[i - 1] : "";
        switch (word) {
            case "you":
                return i + 1 < to && SUBJECT_FOLLOWERS.contains(words[i + 1]) ? "I" : "me";
            case "are":
                return previous.equals("you") ? "am" : "are";
            case "were":
                return previous.equals("you") ? "was" : "were";
            case "was":
                return previous.equals("i") ? "were" : "was";
            default:
                String swapped = SWAPPED.get(word);
                return swapped != null ? swapped : shown[i];
        }
    }
}
