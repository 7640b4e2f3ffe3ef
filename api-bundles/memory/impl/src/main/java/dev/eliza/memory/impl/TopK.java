package dev.eliza.memory.impl;

/** The {@code k} best (score, slot) pairs seen, kept in a min-heap so a worse candidate costs one comparison. */
final class TopK {
    private final float[] scores;
    private final int[] slots;
    private int size;

    TopK(int k) {
        scores = new float[k];
        slots = new int[k];
    }

    /** The score a candidate must beat once full. */
    float floor() {
        return size < scores.length ? Float.NEGATIVE_INFINITY : scores[0];
    }

    void offer(float score, int slot) {
        if (size < scores.length) {
            int i = size++;
            scores[i] = score;
            slots[i] = slot;
            while (i > 0 && scores[(i - 1) / 2] > scores[i]) {
                swap(i, (i - 1) / 2);
                i = (i - 1) / 2;
            }
        } else if (score > scores[0]) {
            scores[0] = score;
            slots[0] = slot;
            int i = 0;
            while (true) {
                int smallest = i;
                int left = 2 * i + 1;
                int right = left + 1;
                if (left < size && scores[left] < scores[smallest]) {
                    smallest = left;
                }
                if (right < size && scores[right] < scores[smallest]) {
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

    private void swap(int a, int b) {
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
        int slot = slots[a];
        slots[a] = slots[b];
        slots[b] = slot;
    }
}
