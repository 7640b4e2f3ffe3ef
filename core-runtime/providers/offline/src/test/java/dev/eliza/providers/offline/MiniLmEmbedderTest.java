package dev.eliza.providers.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ProviderSettings;

/**
 * The real model, run by the real ONNX Runtime: one instance for the class, since loading takes a while. The load
 * test runs first: the model is held by a static field of LangChain4j's class, so only the JVM's first embedding
 * loads it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MiniLmEmbedderTest {
    @TempDir
    static Path natives;
    private static OfflineProvider provider;

    private static OfflineProvider provider() {
        if (provider == null) {
            provider = new OfflineProvider(natives);
        }
        return provider;
    }

    private static float[] embed(String text) {
        return provider().embed(text, new ProviderSettings(Map.of())).vector();
    }

    @Test
    @Order(1)
    void embedsIn384DimensionsAndLoadsOnFirstUseOnly() throws Exception {
        OfflineProvider fresh = new OfflineProvider(natives);
        assertThat(fresh.embedder().loaded()).isFalse();
        long started = System.nanoTime();
        Embedding first = provider().embed("The cat sat on the mat.", new ProviderSettings(Map.of()));
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        int later = 20;
        for (int i = 0; i < later; i++) {
            embed("A different sentence every time, number " + i);
        }
        double laterMillis = (System.nanoTime() - started) / 1_000_000.0 / later;
        System.out.printf("offline embedding: first %d ms (model load %d ms), later %.1f ms each%n", firstMillis,
                provider().embedder().loadMillis(), laterMillis);
        assertThat(first.dimensions()).isEqualTo(384);
        assertThat(first.model()).isEqualTo(MiniLmEmbedder.MODEL);
        assertThat(norm(first.vector())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        try (var left = Files.list(natives)) {
            assertThat(left.toList()).as("the extracted tokenizer library is deleted once loaded").isEmpty();
        }
    }

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        float[] cat = embed("The cat is sleeping on the sofa.");
        float[] kitten = embed("A kitten naps on the couch.");
        float[] stocks = embed("Quarterly earnings pushed the stock market higher.");
        assertThat(cosine(cat, kitten)).isGreaterThan(cosine(cat, stocks) + 0.2);
    }

    @Test
    void theSameTextGivesTheSameVectorEvenFromManyThreads() throws Exception {
        float[] once = embed("Deterministic embeddings, please.");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var futures = IntStream.range(0, 8).mapToObj(i -> pool.submit(() -> embed("Deterministic embeddings, please.")))
                    .toList();
            for (Future<float[]> future : futures) {
                assertThat(future.get()).containsExactly(once);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void blankAndHugeTextsAreBounded() {
        assertThat(embed("")).hasSize(384).containsOnly(0f);
        String huge = "words and more words ".repeat(10_000);
        long started = System.nanoTime();
        float[] vector = embed(huge);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(vector).hasSize(384);
        assertThat(millis).as("ms for a 200 KB text").isLessThan(10_000);
        assertThat(vector).isEqualTo(embed(huge.substring(0, MiniLmEmbedder.MAX_CHARS)));
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }

    private static double norm(float[] a) {
        double sum = 0;
        for (float x : a) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
