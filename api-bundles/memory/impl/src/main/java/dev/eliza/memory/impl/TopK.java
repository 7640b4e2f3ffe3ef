package dev.eliza.memory.impl;

/**
 * The {@code k} best (score, slot) pairs seen, kept in a min-heap so a worse candidate costs one comparison. Equal
 * scores are ranked by {@code tieBreak} (negative: the first slot ranks higher), so which of two equal candidates is
 * kept does not depend on where they sit in memory: an index rebuilt in another order answers the same.
 */
final class TopK {
    private final float[] scores;
    private final int[] slots;
    private final java.util.function.IntBinaryOperator tieBreak;
    private int size;

    TopK(int k, java.util.function.IntBinaryOperator tieBreak) {
        scores = new float[k];
        slots = new int[k];
        this.tieBreak = tieBreak;
    }

    /** Whether a candidate would be kept now. */
    boolean takes(float score, int slot) {
        return size < scores.length || score > scores[0]
                || (score == scores[0] && tieBreak.applyAsInt(slot, slots[0]) < 0);
    }

    void offer(float score, int slot) {
        if (size < scores.length) {
            int i = size++;
            scores[i] = score;
            slots[i] = slot;
            while (i > 0 && worse(i, (i - 1) / 2)) {
                swap(i, (i - 1) / 2);
                i = (i - 1) / 2;
            }
        } else if (takes(score, slot)) {
            scores[0] = score;
            slots[0] = slot;
            int i = 0;
            while (true) {
                int smallest = i;
                int left = 2 * i + 1;
                int right = left + 1;
                if (left < size && worse(left, smallest)) {
                    smallest = left;
                }
                if (right < size && worse(right, smallest)) {
                    smallest = right;
                }
                if (smallest == i) {
                    return;
                }
                swap(i, smallest);
                i = smallest;
            }
        }
    }

    int size() {
        return size;
    }

    float score(int i) {
        return scores[i];
    }

    int slot(int i) {
        return slots[i];
    }

    /** Whether the entry at heap position {@code a} ranks below the one at {@code b}. */
    private boolean worse(int a, int b) {
        return scores[a] < scores[b] || (scores[a] == scores[b] && tieBreak.applyAsInt(slots[a], slots[b]) > 0);
    }

    private void swap(int a, int b) {
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
        int slot = slots[a];
        slots[a] = slots[b];
        slots[b] = slot;
    }
}
