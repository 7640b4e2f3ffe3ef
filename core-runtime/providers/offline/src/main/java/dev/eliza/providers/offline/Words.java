package dev.eliza.providers.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cuts a text into clauses of words. The work is bounded whatever the input: only the first {@link #MAX_CHARS}
 * characters are read, a clause keeps at most {@link #MAX_WORDS} words and a text at most {@link #MAX_SENTENCES}
 * clauses.
 */
final class Words {
    static final int MAX_CHARS = 4_000;
    static final int MAX_WORDS = 48;
    static final int MAX_SENTENCES = 32;
    private static final Map<String, String[]> SPELLED_OUT = Map.ofEntries(
            Map.entry("i'm", new String[] {"i", "am"}), Map.entry("im", new String[] {"i", "am"}),
            Map.entry("i've", new String[] {"i", "have"}), Map.entry("i'd", new String[] {"i", "would"}),
            Map.entry("i'll", new String[] {"i", "will"}), Map.entry("you're", new String[] {"you", "are"}),
            Map.entry("youre", new String[] {"you", "are"}), Map.entry("you've", new String[] {"you", "have"}),
            Map.entry("you'd", new String[] {"you", "would"}), Map.entry("you'll", new String[] {"you", "will"}),
            Map.entry("can't", new String[] {"can", "not"}), Map.entry("cant", new String[] {"can", "not"}),
            Map.entry("cannot", new String[] {"can", "not"}), Map.entry("won't", new String[] {"will", "not"}),
            Map.entry("dont", new String[] {"do", "not"}), Map.entry("it's", new String[] {"it", "is"}),
            Map.entry("that's", new String[] {"that", "is"}), Map.entry("what's", new String[] {"what", "is"}),
            Map.entry("let's", new String[] {"let", "us"}), Map.entry("thx", new String[] {"thanks"}),
            Map.entry("u", new String[] {"you"}), Map.entry("ur", new String[] {"your"}));

    private Words() {
    }

    /** The clauses of {@code text}, split at {@code . ! ? ; ,}, line breaks and the word "but". */
    static List<Sentence> sentences(String text) {
        List<Sentence> sentences = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        int end = Math.min(text.length(), MAX_CHARS);
        int i = 0;
        while (i < end && sentences.size() < MAX_SENTENCES) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                int start = i;
                while (i < end && isWordChar(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i).replace('\u2019', '\'');
                add(word, words, shown, sentences);
                continue;
            }
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == ',' || c == '\n') {
                close(words, shown, c == '?', sentences);
            }
            i++;
        }
        close(words, shown, false, sentences);
        return sentences;
    }

    private static void add(String word, List<String> words, List<String> shown, List<Sentence> sentences) {
        String lower = trimQuotes(word.toLowerCase(java.util.Locale.ROOT));
        if (lower.isEmpty()) {
            return;
        }
        if (lower.equals("but")) {
            close(words, shown, false, sentences);
            return;
        }
        if (words.size() >= MAX_WORDS) {
            return;
        }
        String[] spelled = SPELLED_OUT.get(lower);
        if (spelled == null && lower.endsWith("n't") && lower.length() > 3) {
            spelled = new String[] {lower.substring(0, lower.length() - 3), "not"};
        }
        if (spelled == null) {
            words.add(lower);
            shown.add(trimQuotes(word));
            return;
        }
        for (String part : spelled) {
            words.add(part);
            shown.add(part.equals("i") ? "I" : part);
        }
    }

    private static void close(List<String> words, List<String> shown, boolean question, List<Sentence> sentences) {
        if (!words.isEmpty()) {
            sentences.add(new Sentence(words.toArray(String[]::new), shown.toArray(String[]::new), question));
            words.clear();
            shown.clear();
        } else if (question && !sentences.isEmpty()) {
            // "why?!" or "what ?": the mark after a space still makes the clause before it a question.
            Sentence last = sentences.get(sentences.size() - 1);
            sentences.set(sentences.size() - 1, new Sentence(last.words(), last.shown(), true));
        }
    }

    private static String trimQuotes(String word) {
        int from = 0;
        int to = word.length();
        while (from < to && (word.charAt(from) == '\'' || word.charAt(from) == '-')) {
            from++;
        }
        while (to > from && (word.charAt(to - 1) == '\'' || word.charAt(to - 1) == '-')) {
            to--;
        }
        return word.substring(from, to);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '\u2019' || c == '-';
    }
}
