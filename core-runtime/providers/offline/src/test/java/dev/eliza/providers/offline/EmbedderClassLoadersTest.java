package dev.eliza.providers.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.models.api.Embedding;

/**
 * What a bundle update does to the embedder, without OSGi: two class loaders, one after the other, each loading the
 * model and its native libraries in the same JVM. The JVM refuses one library file in two class loaders, so this
 * fails if the natives are loaded from a fixed path.
 */
class EmbedderClassLoadersTest {
    @TempDir
    Path natives;

    @Test
    void eachClassLoaderLoadsTheNativesAgainAndEmbeds() throws Exception {
        float[] first = embedInFreshLoader();
        float[] second = embedInFreshLoader();
        assertThat(first).hasSize(384);
        assertThat(second).containsExactly(first);
    }

    private float[] embedInFreshLoader() throws Exception {
        URL[] path = {location(MiniLmEmbedder.class), location(Embedding.class), location(org.slf4j.Logger.class),
            location(ObjectMapper.class), location(com.fasterxml.jackson.core.JsonParser.class),
            location(com.fasterxml.jackson.annotation.JsonProperty.class)};
        try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            Class<?> embedder = loader.loadClass(MiniLmEmbedder.class.getName());
            assertThat(embedder).isNotSameAs(MiniLmEmbedder.class);
            Constructor<?> constructor = embedder.getDeclaredConstructor(Path.class);
            constructor.setAccessible(true);
            Object instance = constructor.newInstance(natives);
            Method embed = embedder.getDeclaredMethod("embed", String.class);
            embed.setAccessible(true);
            Object embedding = embed.invoke(instance, "The cat sat on the mat.");
            return (float[]) embedding.getClass().getMethod("vector").invoke(embedding);
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
