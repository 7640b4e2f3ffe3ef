package dev.eliza.memory.impl;

import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import dev.eliza.models.api.AgentEmbeddings;
import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ModelProviderException;

/**
 * A deterministic stand-in for the runtime's embedder: a bag of hashed words in 384 dimensions, so texts sharing
 * words are similar. Its model name can change and it can be made to fail, retryably or for good.
 */
final class FakeEmbeddings implements AgentEmbeddings {
    static final int DIMS = 384;

    volatile String model = "fake-bow";
    volatile Predicate<UUID> knows = agent -> true;
    volatile ModelProviderException failure;
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Embedding embed(UUID agentId, String text) {
        calls.incrementAndGet();
        if (!knows.test(agentId)) {
            throw new NoSuchElementException("no agent " + agentId);
        }
        ModelProviderException fail = failure;
        if (fail != null) {
            throw fail;
        }
        return new Embedding(vector(text), model);
    }

    static float[] vector(String text) {
        float[] v = new float[DIMS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), DIMS)] += 1;
            }
        }
        return v;
    }
}
