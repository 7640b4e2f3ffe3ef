package dev.eliza.providers.offline;

import java.util.Map;
import java.util.Set;

/**
 * A decomposition pattern and its reassembly templates. A pattern is words separated by spaces: {@code *} matches
 * any number of words, {@code @name} one word of the group {@code name}, any other word itself. The {@code *} and
 * {@code @name} parts are captured in order: {@code (1)} in a template is the first of them, reflected.
 *
 * @param pattern the pattern's words
 * @param templates what to answer, used in turn as the conversation grows
 * @param memory whether a match in an earlier message is a topic to come back to later
 */
record Decomposition(String[] pattern, String[] templates, boolean memory) {

    static Decomposition of(String pattern, String... templates) {
        return new Decomposition(pattern.split(" "), templates, false);
    }

    static Decomposition remembered(String pattern, String... templates) {
        return new Decomposition(pattern.split(" "), templates, true);
    }

    int wildcards() {
        int count = 0;
        for (String token : pattern) {
            if (token.equals("*") || token.charAt(0) == '@') {
                count++;
            }
        }
        return count;
    }

    /**
     * Matches {@code sentence}; on success fills {@code captures} with the start and end of each {@code *}'s
     * words ({@code captures[2k]}, {@code captures[2k + 1]}) and answers true.
     */
    boolean match(Sentence sentence, Map<String, Set<String>> groups, int[] captures) {
        return match(sentence.words(), 0, 0, 0, groups, captures);
    }

    private boolean match(String[] words, int word, int token, int capture, Map<String, Set<String>> groups,
                          int[] captures) {
        if (token == pattern.length) {
            return word == words.length;
        }
        String part = pattern[token];
        if (part.equals("*")) {
            // Shortest first, so the last "*" takes the rest: "* my *" on "my dog and my cat" captures "dog and my cat".
            for (int end = word; end <= words.length; end++) {
                captures[2 * capture] = word;
                captures[2 * capture + 1] = end;
                if (match(words, end, token + 1, capture + 1, groups, captures)) {
                    return true;
                }
            }
            return false;
        }
        if (word == words.length) {
            return false;
        }
        if (part.charAt(0) == '@') {
            captures[2 * capture] = word;
            captures[2 * capture + 1] = word + 1;
            return groups.getOrDefault(part.substring(1), Set.of()).contains(words[word])
                    && match(words, word + 1, token + 1, capture + 1, groups, captures);
        }
        return part.equals(words[word]) && match(words, word + 1, token + 1, capture, groups, captures);
    }
}
