package dev.eliza.providers.offline;

import java.io.File;
import java.nio.file.Path;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import dev.eliza.models.api.ChatTurn;
import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ProviderSettings;
import dev.eliza.models.api.TextRequest;
import dev.eliza.models.api.TextStream;
import dev.eliza.models.api.TextResult;

/**
 * The built-in provider, used when a character names no other: text from a deterministic ELIZA-style
 * {@link Responder} (titles from {@link Titles}), streamed word by word, and 384-dimension embeddings from
 * all-MiniLM-L6-v2 run in-process ({@link MiniLmEmbedder}, loaded on the first embedding, not at start).
 */
@Component(service = ModelProvider.class)
public final class OfflineProvider implements ModelProvider {
    static final String TEXT_MODEL = "offline-eliza";
    private final Responder responder = new Responder();
    private final MiniLmEmbedder embedder;

    /** Activated by DS: natives are extracted into this bundle's data area, which the server's user owns. */
    @Activate
    public OfflineProvider(BundleContext context) {
        this(nativeRoot(context.getDataFile("natives")));
    }

    OfflineProvider(Path nativeRoot) {
        this.embedder = new MiniLmEmbedder(nativeRoot);
    }

    @Override
    public String id() {
        return OFFLINE;
    }

    @Override
    public Set<String> pluginNames() {
        return Set.of("@elizaos/plugin-local-ai", "@elizaos/plugin-offline");
    }

    @Override
    public TextResult generate(TextRequest request, TextStream stream) {
        String whole = request.purpose() == TextRequest.Purpose.TITLE
                ? Titles.title(request.history(), request.prompt()) : responder.reply(request);
        String text = Tokens.limit(whole, request.maxTokens());
        streamWords(text, stream);
        return new TextResult(text, TEXT_MODEL, promptTokens(request), Tokens.estimate(text));
    }

    @Override
    public Embedding embed(String text, ProviderSettings settings) {
        return embedder.embed(text);
    }

    MiniLmEmbedder embedder() {
        return embedder;
    }

    /** Hands the text over a word at a time, each with the space after it, so the pieces join to the whole. */
    private static void streamWords(String text, TextStream stream) {
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                stream.next(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            stream.next(text.substring(from));
        }
    }

    private static int promptTokens(TextRequest request) {
        long chars = request.system().length() + request.prompt().length();
        for (ChatTurn turn : request.history()) {
            chars += turn.text().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, Tokens.estimate(chars));
    }

    private static Path nativeRoot(File dataFile) {
        return dataFile != null ? dataFile.toPath() : Path.of(System.getProperty("java.io.tmpdir"), "eliza-natives");
    }
}
