package dev.eliza.pluginhost;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.eliza.models.api.ChatTurn;
import dev.eliza.models.api.Embedding;
import dev.eliza.models.api.ModelClass;
import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ModelProviderException;
import dev.eliza.models.api.ProviderSettings;
import dev.eliza.models.api.TextRequest;
import dev.eliza.models.api.TextResult;
import dev.eliza.models.api.TextStream;
import dev.eliza.sdk.EmbeddedText;
import dev.eliza.sdk.GeneratedText;
import dev.eliza.sdk.ModelProviderExtension;
import dev.eliza.sdk.ModelProviderFailure;
import dev.eliza.sdk.PlatformUnavailableException;
import dev.eliza.sdk.PluginContext;
import dev.eliza.sdk.TextPrompt;

/**
 * A plugin's {@link ModelProviderExtension} as a platform {@link ModelProvider}: the contract's records become the
 * SDK's, the plugin's failures become {@link ModelProviderException}s, and the plugin runs on its own threads (its
 * class loader their context loader) under {@code MODEL_TIMEOUT_MS}: a call that hangs ends, for the runtime, in a
 * retryable failure at the deadline. Its id is {@code plugin:<plugin id>:<extension id>}, a namespace no built-in
 * provider uses.
 */
final class PluginModelProvider implements ModelProvider {
    private static final Pattern EXTENSION_ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final String id;
    private final Set<String> pluginNames;
    private final ModelProviderExtension extension;
    private final PluginContext context;
    private final PluginCalls calls;

    private PluginModelProvider(String id, Set<String> pluginNames, ModelProviderExtension extension,
                                PluginContext context, PluginCalls calls) {
        this.id = id;
        this.pluginNames = pluginNames;
        this.extension = extension;
        this.context = context;
        this.calls = calls;
    }

    /** The adapter, or {@link IllegalStateException} saying why the extension cannot be one. */
    static PluginModelProvider of(String pluginId, ModelProviderExtension extension, PluginContext context,
                                  PluginCalls calls) {
        String extensionId = extension.id();
        if (extensionId == null || !EXTENSION_ID.matcher(extensionId).matches()) {
            throw new IllegalStateException("Model provider " + extension.getClass().getName() + " has id '"
                    + extensionId + "': use lower-case letters, digits and dashes, starting with a letter");
        }
        Set<String> names = extension.pluginNames() == null ? Set.of() : Set.copyOf(extension.pluginNames());
        if (names.isEmpty() || names.stream().anyMatch(String::isBlank)) {
            throw new IllegalStateException("Model provider " + extensionId + " names no plugin to be selected by");
        }
        return new PluginModelProvider("plugin:" + pluginId + ":" + extensionId, names, extension, context, calls);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<String> pluginNames() {
        return pluginNames;
    }

    @Override
    public TextResult generate(TextRequest request, TextStream stream) {
        // An exception from the runtime's own stream is the runtime's, not a provider failure: it passes unchanged.
        AtomicReference<RuntimeException> streamFailure = new AtomicReference<>();
        // a plugin thread still streaming past the deadline must not add to a reply the runtime has given up on
        AtomicBoolean over = new AtomicBoolean();
        Consumer<String> chunks = chunk -> {
            if (over.get()) {
                throw new IllegalStateException("the call is over");
            }
            try {
                stream.next(chunk);
            } catch (RuntimeException e) {
                streamFailure.set(e);
                throw e;
            }
        };
        GeneratedText text;
        try {
            text = call(() -> extension.generate(prompt(request), chunks, context), streamFailure);
        } finally {
            over.set(true);
        }
        if (text == null || text.text() == null) {
            throw new ModelProviderException(id + " returned no text", false);
        }
        return new TextResult(text.text(), text.model(), text.promptTokens(), text.completionTokens());
    }

    @Override
    public Embedding embed(String text, ProviderSettings settings) {
        EmbeddedText embedded = call(() -> extension.embed(text, settings.values(), context), new AtomicReference<>());
        if (embedded == null || embedded.vector() == null) {
            throw new ModelProviderException(id + " returned no embedding", false);
        }
        return new Embedding(embedded.vector(), embedded.model());
    }

    private <T> T call(Callable<T> work, AtomicReference<RuntimeException> streamFailure) {
        try {
            return calls.call(work, calls.settings().modelTimeout(),
                    thrown -> !(thrown instanceof ModelProviderFailure) && !(thrown instanceof PlatformUnavailableException)
                            && thrown != streamFailure.get());
        } catch (PluginCalls.TimedOut | PluginCalls.Busy e) {
            throw new ModelProviderException(id + ": " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelProviderException(id + " was interrupted", true, e);
        } catch (ModelProviderFailure e) {
            throw new ModelProviderException(id + ": " + e.getMessage(), e.retryable(), e);
        } catch (RuntimeException e) {
            if (e == streamFailure.get()) {
                throw e;
            }
            throw new ModelProviderException(id + " failed: " + e, false, e);
        } catch (LinkageError e) {
            // Classes gone or half replaced: the plugin is being reloaded, so a later try may find the new one.
            throw new ModelProviderException(id + " is being replaced: " + e, true, e);
        } catch (Exception e) {
            throw new ModelProviderException(id + " failed: " + e, false, e);
        }
    }

    private static TextPrompt prompt(TextRequest request) {
        return new TextPrompt(request.agentId(),
                request.purpose() == TextRequest.Purpose.TITLE ? TextPrompt.Purpose.TITLE : TextPrompt.Purpose.REPLY,
                request.modelClass() == ModelClass.TEXT_SMALL ? TextPrompt.Size.SMALL : TextPrompt.Size.LARGE,
                request.system(), request.history().stream()
                        .map(turn -> new TextPrompt.Turn(turn.role() == ChatTurn.Role.ASSISTANT, turn.name(), turn.text()))
                        .toList(),
                request.prompt(), request.maxTokens(), request.temperature(), request.settings().values());
    }

    @Override
    public String toString() {
        return id;
    }
}
