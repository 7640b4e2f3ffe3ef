package dev.eliza.runtime;

import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ModelProviderException;
import dev.eliza.models.api.ProviderSettings;
import dev.eliza.models.api.TextRequest;
import dev.eliza.models.api.TextResult;
import dev.eliza.models.api.TextStream;

/** A provider that fails as scripted, then answers by streaming the words of {@code answer(request)}. */
final class ScriptedProvider implements ModelProvider {
    final String id;
    final Set<String> plugins;
    final Queue<ModelProviderException> failures = new ConcurrentLinkedQueue<>();
    final List<TextRequest> requests = new CopyOnWriteArrayList<>();
    volatile Function<TextRequest, String> answer = request -> "You said " + request.prompt();
    /** The vector every text embeds to; none: the provider has no embedding model. */
    volatile float[] embedding;
    final List<ProviderSettings> embedSettings = new CopyOnWriteArrayList<>();

    ScriptedProvider(String id, String... plugins) {
        this.id = id;
        this.plugins = Set.of(plugins);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<String> pluginNames() {
        return plugins;
    }

    @Override
    public TextResult generate(TextRequest request, TextStream stream) {
        requests.add(request);
        ModelProviderException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        String text = answer.apply(request);
        for (String word : text.split("(?<= )")) {
            stream.next(word);
        }
        return new TextResult(text, id + "-model", request.prompt().length() / 4, text.length() / 4);
    }

    @Override
    public boolean embeds(ProviderSettings settings) {
        return embedding != null;
    }

    @Override
    public Embedding embed(String text, ProviderSettings settings) {
        if (embedding == null) {
            throw new ModelProviderException(id + " has no embedding model", false);
        }
        embedSettings.add(settings);
        return new Embedding(embedding, id + "-embedding");
    }
}
