package dev.eliza.memory.impl;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The most frequent words of some texts, leaving out English stop words, short words and numbers. */
final class Topics {
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}']+");
    private static final Set<String> STOP = Set.of("a", "about", "after", "again", "all", "also", "am", "an", "and",
            "any", "are", "as", "at", "be", "because", "been", "before", "being", "but", "by", "can", "could", "did",
            "do", "does", "doing", "don't", "down", "each", "for", "from", "get", "got", "had", "has", "have",
            "having", "he", "her", "here", "hers", "him", "his", "how", "i", "i'm", "if", "in", "into", "is", "it",
            "it's", "its", "just", "like", "me", "more", "most", "my", "no", "not", "now", "of", "off", "on",
            "once", "only", "or", "other", "our", "out", "over", "please", "so", "some", "such", "than", "that",
            "that's", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to",
            "too", "under", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
            "why", "will", "with", "would", "yes", "you", "you're", "your", "yours", "tell", "know", "think",
            "want", "really", "well", "one", "let", "say", "said", "see", "make", "much", "many", "way");

    private Topics() {
    }

    /** The {@code limit} most frequent topic words, most frequent first (ties alphabetical), with their counts. */
    static Map<String, Integer> top(List<String> texts, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String word : WORDS.split(text.toLowerCase(Locale.ROOT))) {
                String term = word.replaceAll("^'+|'+$", "");
                if (term.length() > 2 && !STOP.contains(term) && !term.chars().allMatch(Character::isDigit)) {
                    counts.merge(term, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).limit(limit)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
