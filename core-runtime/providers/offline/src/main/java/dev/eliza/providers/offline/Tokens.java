package dev.eliza.providers.offline;

/**
 * Token counts, estimated: the offline responder has no tokenizer, and English text runs at about four characters
 * a token for the common BPE vocabularies.
 */
final class Tokens {
    private static final int CHARS_PER_TOKEN = 4;

    private Tokens() {
    }

    static int estimate(String text) {
        return (int) estimate(text.length());
    }

    static long estimate(long chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** {@code text}, cut at a word boundary so its estimate stays within {@code maxTokens} (none when not positive). */
    static String limit(String text, int maxTokens) {
        if (maxTokens <= 0 || estimate(text) <= maxTokens) {
            return text;
        }
        int max = maxTokens * CHARS_PER_TOKEN;
        int cut = text.lastIndexOf(' ', max);
        return cut > 0 ? text.substring(0, cut) : text.substring(0, max);
    }
}
