package dev.eliza.it.plugin;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.pf4j.Extension;

import dev.eliza.sdk.GeneratedText;
import dev.eliza.sdk.ModelProviderExtension;
import dev.eliza.sdk.ModelProviderFailure;
import dev.eliza.sdk.PluginContext;
import dev.eliza.sdk.TextPrompt;

/** A model provider, selected by {@code @it/plugin-hang}, that never answers: the runtime must not wait for it. */
@Extension
public final class HangingProvider implements ModelProviderExtension {
    @Override
    public String id() {
        return "hang";
    }

    @Override
    public Set<String> pluginNames() {
        return Set.of("@it/plugin-hang");
    }

    @Override
    public GeneratedText generate(TextPrompt prompt, Consumer<String> chunks, PluginContext context) {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ModelProviderFailure("interrupted", false);
    }
}
