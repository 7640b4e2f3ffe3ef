package dev.eliza.providers.offline;

/**
 * One clause of the user's text: its words in lower case for matching (contractions spelled out) and as written,
 * for echoing them back.
 *
 * @param words the words in lower case, {@code i'm} spelled {@code i am}
 * @param shown the same words as the user wrote them
 * @param question whether the clause ended with a question mark
 */
record Sentence(String[] words, String[] shown, boolean question) {

    int length() {
        return words.length;
    }
}
