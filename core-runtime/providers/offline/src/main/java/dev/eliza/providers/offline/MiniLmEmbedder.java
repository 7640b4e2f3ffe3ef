package dev.eliza.providers.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import ai.djl.huggingface.tokenizers.jni.LibUtils;
import ai.onnxruntime.OrtEnvironment;
import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ModelProviderException;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) run in-process by ONNX Runtime, loaded on first use and once.
 * Thread-safe: the model is built under a lock, then shared (ONNX Runtime sessions may run concurrently).
 *
 * <p>The native libraries (ONNX Runtime's and the tokenizer's) must be files before the JVM loads them, and the
 * JVM refuses to load one file into a second class loader, which is what a bundle update makes. Left alone, DJL
 * would reuse one fixed folder ({@code ~/.djl.ai}) and ONNX Runtime would leave its copies in {@code /tmp} until
 * the JVM exits. So both are extracted into a fresh folder under {@code nativeRoot} (this bundle's data area,
 * which the server's user owns), loaded from there, and the folder is deleted once the libraries are in memory.
 */
final class MiniLmEmbedder {
    static final String MODEL = "all-minilm-l6-v2-q";
    static final int DIMENSIONS = 384;
    /** The model reads 510 tokens per pass and averages the passes: a cap keeps one call's work bounded. */
    static final int MAX_CHARS = 16_384;
    private static final String DJL_CACHE_PROPERTY = "ENGINE_CACHE_DIR";
    private static final String ORT_PATH_PROPERTY = "onnxruntime.native.path";
    private static final String ORT_NATIVES = "/ai/onnxruntime/native/linux-x64/";
    private static final String[] ORT_LIBRARIES = {"libonnxruntime.so", "libonnxruntime4j_jni.so"};

    private final Path nativeRoot;
    private volatile EmbeddingModel model;
    private volatile long loadMillis = -1;

    /** An embedder that extracts the tokenizer's native library under {@code nativeRoot}. */
    MiniLmEmbedder(Path nativeRoot) {
        this.nativeRoot = nativeRoot;
    }

    Embedding embed(String text) {
        String input = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (input.isBlank()) {
            // The model embeds an empty text as NaNs (mean of no tokens); the zero vector says "no content".
            return new Embedding(new float[DIMENSIONS], MODEL);
        }
        EmbeddingModel loaded = model();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MiniLmEmbedder.class.getClassLoader());
        try {
            return new Embedding(loaded.embed(input).content().vector(), MODEL);
        } catch (RuntimeException e) {
            throw new ModelProviderException("The offline embedding model failed: " + e.getMessage(), false, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Whether the model is in memory (it is loaded by the first {@link #embed}). */
    boolean loaded() {
        return model != null;
    }

    /** How long loading took, or -1 before it did. */
    long loadMillis() {
        return loadMillis;
    }

    private EmbeddingModel model() {
        EmbeddingModel current = model;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (model == null) {
                long started = System.nanoTime();
                model = load();
                loadMillis = (System.nanoTime() - started) / 1_000_000;
            }
            return model;
        }
    }

    private EmbeddingModel load() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // DJL and LangChain4j find the tokenizer, the model and the natives through the context class loader.
        thread.setContextClassLoader(MiniLmEmbedder.class.getClassLoader());
        Path extractTo = null;
        try {
            Files.createDirectories(nativeRoot);
            extractTo = Files.createTempDirectory(nativeRoot, "djl-");
            loadOnnxRuntime(extractTo.resolve("onnxruntime"));
            loadTokenizerLibrary(extractTo);
            return new MiniLmModel();
        } catch (ai.onnxruntime.OrtException e) {
            throw new ModelProviderException("Cannot load the offline embedding model: " + e.getMessage(), false, e);
        } catch (IOException e) {
            throw new ModelProviderException("Cannot load the offline embedding model's files (natives under "
                    + nativeRoot + "): " + e.getMessage(), false, e);
        } catch (RuntimeException | LinkageError e) {
            throw new ModelProviderException("Cannot load the offline embedding model: " + e, false, e);
        } finally {
            thread.setContextClassLoader(previous);
            if (extractTo != null) {
                deleteTree(extractTo);
            }
        }
    }

    private static void loadOnnxRuntime(Path dir) throws IOException {
        Files.createDirectories(dir);
        boolean bundled = true;
        for (String library : ORT_LIBRARIES) {
            try (InputStream in = MiniLmEmbedder.class.getResourceAsStream(ORT_NATIVES + library)) {
                if (in == null) {
                    bundled = false;
                    break;
                }
                Files.copy(in, dir.resolve(library));
            }
        }
        if (!bundled) {
            // Not Linux x86-64: ONNX Runtime looks for its natives itself and says what it misses.
            OrtEnvironment.getEnvironment();
            return;
        }
        // The first environment initialises ONNX Runtime, which loads the libraries from the folder the property
        // names; the property is the JVM's, so it is set only while that happens.
        withProperty(ORT_PATH_PROPERTY, dir.toString(), OrtEnvironment::getEnvironment);
    }

    private static void loadTokenizerLibrary(Path extractTo) {
        // The first call initialises the class, which loads the library; DJL keeps a failed load in a field
        // rather than throwing from its static initialiser, and this call rethrows it.
        withProperty(DJL_CACHE_PROPERTY, extractTo.toString(), LibUtils::checkStatus);
    }

    private static void withProperty(String name, String value, Runnable action) {
        synchronized (System.class) {
            String before = System.getProperty(name);
            System.setProperty(name, value);
            try {
                action.run();
            } finally {
                if (before == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, before);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover folder costs disk space only; the model is loaded either way.
        }
    }
}
