package dev.eliza.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import dev.eliza.models.api.ChatTurn;
import dev.eliza.models.api.ModelClass;
import dev.eliza.models.api.ModelProvider;
import dev.eliza.models.api.ModelProviderException;
import dev.eliza.models.api.ProviderSettings;
import dev.eliza.models.api.TextRequest;
import dev.eliza.models.api.TextResult;
import dev.eliza.sdk.GeneratedText;
import dev.eliza.sdk.ModelProviderExtension;
import dev.eliza.sdk.ModelProviderFailure;
import dev.eliza.sdk.PluginContext;
import dev.eliza.sdk.TextPrompt;

/** The adapter from the SDK's model provider extension to platform services, in a real Felix framework. */
class PluginModelProvidersTest {
    private final PluginContext pluginContext = HostPluginContext.of("acme",
            new HostPluginContext.Services(Map.of(), new AgentsView(java.util.Optional::empty),
                    new ChannelMessagesView(java.util.Optional::empty)), null);
    private final ClassLoader pluginLoader = new URLClassLoader(new URL[0], getClass().getClassLoader());
    private final List<String> failures = new ArrayList<>();
    /** Model calls that must answer get a deadline a slow, shared machine cannot miss. */
    private final PluginCalls calls = calls(Duration.ofSeconds(10));
    /** For the provider that hangs: cut off soon. */
    private final PluginCalls impatient = calls(Duration.ofMillis(300));
    private Framework framework;
    private BundleContext context;

    @BeforeEach
    void startFramework(@TempDir Path home) throws Exception {
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next()
                .newFramework(Map.of(Constants.FRAMEWORK_STORAGE, home.resolve("cache").toString()));
        framework.start();
        context = framework.getBundleContext();
    }

    @AfterEach
    void stopFramework() throws Exception {
        calls.close();
        impatient.close();
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void aPluginProviderIsAServiceUnderItsPluginsNamespaceUntilThePluginStops() throws Exception {
        StartedPlugin started = new StartedPlugin("acme");
        PluginModelProviders.register(context, "acme", List.of(new Shouter("offline")), pluginContext, calls,
                started);

        Collection<ServiceReference<ModelProvider>> refs = context.getServiceReferences(ModelProvider.class, null);
        assertThat(refs).hasSize(1);
        ServiceReference<ModelProvider> ref = refs.iterator().next();
        assertThat(ref.getProperty("provider.id")).isEqualTo("plugin:acme:offline");
        assertThat(ref.getProperty(Constants.SERVICE_RANKING)).isEqualTo(PluginModelProviders.RANKING);
        ModelProvider provider = context.getService(ref);
        assertThat(provider.id()).isEqualTo("plugin:acme:offline").isNotEqualTo(ModelProvider.OFFLINE);
        assertThat(provider.pluginNames()).containsExactly("@acme/plugin-shout");

        List<String> chunks = new ArrayList<>();
        TextResult result = provider.generate(request(ModelClass.TEXT_LARGE), chunks::add);

        assertThat(chunks).containsExactly("HOW ", "ARE YOU?");
        assertThat(result).isEqualTo(new TextResult("HOW ARE YOU?", "shout-LARGE-REPLY", 3, 2));

        started.close();
        assertThat(context.getServiceReferences(ModelProvider.class, null)).isEmpty();
    }

    @Test
    void thePromptCarriesTheRequestAndThePluginRunsWithItsOwnContextLoader() {
        List<Object> seen = new ArrayList<>();
        PluginModelProvider provider = PluginModelProvider.of("acme", new Shouter("shout") {
            @Override
            public GeneratedText generate(TextPrompt prompt, Consumer<String> chunks, PluginContext context) {
                seen.add(prompt);
                seen.add(Thread.currentThread().getContextClassLoader());
                seen.add(context.pluginId());
                return super.generate(prompt, chunks, context);
            }
        }, pluginContext, calls);

        provider.generate(request(ModelClass.TEXT_SMALL), chunk -> { });

        TextPrompt prompt = (TextPrompt) seen.get(0);
        assertThat(prompt.size()).isEqualTo(TextPrompt.Size.SMALL);
        assertThat(prompt.system()).isEqualTo("You are Eliza.");
        assertThat(prompt.history()).containsExactly(new TextPrompt.Turn(false, "Ann", "hi"),
                new TextPrompt.Turn(true, "", "Hello."));
        assertThat(prompt.settings()).containsEntry("SHOUT_KEY", "k");
        assertThat(prompt.toString()).doesNotContain("k\"").doesNotContain("SHOUT_KEY");
        assertThat(seen.get(1)).isSameAs(pluginLoader);
        assertThat(seen.get(2)).isEqualTo("acme");
        assertThat(Thread.currentThread().getContextClassLoader()).isNotSameAs(pluginLoader);
    }

    @Test
    void failuresKeepWhetherARetryMayHelpAndTheStreamsOwnExceptionPassesUnchanged() {
        ModelProviderException retryable = failureOf(new ModelProviderFailure("rate limited", true));
        ModelProviderException fatal = failureOf(new ModelProviderFailure("no key", false));
        ModelProviderException bug = failureOf(new IllegalArgumentException("oops"));

        assertThat(retryable.retryable()).isTrue();
        assertThat(retryable.getMessage()).isEqualTo("plugin:acme:shout: rate limited");
        assertThat(fatal.retryable()).isFalse();
        assertThat(bug.retryable()).isFalse();
        assertThat(bug.getMessage()).contains("oops");

        IllegalStateException downstream = new IllegalStateException("socket closed");
        PluginModelProvider provider = PluginModelProvider.of("acme", new Shouter("shout"), pluginContext,
                calls);
        assertThatThrownBy(() -> provider.generate(request(ModelClass.TEXT_SMALL), chunk -> {
            throw downstream;
        })).isSameAs(downstream);
    }

    @Test
    void withoutAnEmbeddingModelEmbedFailsForGood() {
        PluginModelProvider provider = PluginModelProvider.of("acme", new Shouter("shout"), pluginContext,
                calls);

        ModelProviderException e = catchThrowableOfType(ModelProviderException.class,
                () -> provider.embed("x", new ProviderSettings(Map.of())));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("no embedding model");
    }

    @Test
    void badOrRepeatedIdsFailThePluginAndLeaveNothingRegistered() throws Exception {
        assertThatThrownBy(() -> PluginModelProviders.register(context, "acme", List.of(new Shouter("Bad Id")),
                pluginContext, calls, new StartedPlugin("acme")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Bad Id");

        StartedPlugin started = new StartedPlugin("acme");
        assertThatThrownBy(() -> PluginModelProviders.register(context, "acme",
                List.of(new Shouter("same"), new Shouter("same")), pluginContext, calls, started))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("plugin:acme:same");
        started.close();

        assertThat(context.getServiceReferences(ModelProvider.class, null)).isEmpty();
    }

    @Test
    void aProviderThatHangsFailsRetryablyAtTheModelDeadlineAndFailsThePluginAtTheThreshold() {
        PluginModelProvider provider = PluginModelProvider.of("acme", new Shouter("shout") {
            @Override
            public GeneratedText generate(TextPrompt prompt, Consumer<String> chunks, PluginContext context) {
                try {
                    new java.util.concurrent.CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("interrupted");
            }
        }, pluginContext, impatient);

        for (int i = 1; i <= 3; i++) {
            ModelProviderException e = catchThrowableOfType(ModelProviderException.class,
                    () -> provider.generate(request(ModelClass.TEXT_SMALL), chunk -> { }));
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("did not answer in time", "300 ms");
        }

        assertThat(failures).singleElement().asString().contains("3 calls in a row");
    }

    @Test
    void declaredFailuresDoNotCountTowardsFailingThePlugin() {
        for (int i = 0; i < 5; i++) {
            failureOf(new ModelProviderFailure("rate limited", true));
        }

        assertThat(failures).isEmpty();
    }

    private ModelProviderException failureOf(RuntimeException thrown) {
        PluginModelProvider provider = PluginModelProvider.of("acme", new Shouter("shout") {
            @Override
            public GeneratedText generate(TextPrompt prompt, Consumer<String> chunks, PluginContext context) {
                throw thrown;
            }
        }, pluginContext, calls);
        return catchThrowableOfType(ModelProviderException.class,
                () -> provider.generate(request(ModelClass.TEXT_SMALL), chunk -> { }));
    }

    private static TextRequest request(ModelClass modelClass) {
        return new TextRequest(UUID.randomUUID(), TextRequest.Purpose.REPLY, modelClass, "You are Eliza.",
                List.of(new ChatTurn(ChatTurn.Role.USER, "Ann", "hi"),
                        new ChatTurn(ChatTurn.Role.ASSISTANT, "", "Hello.")),
                "how are you?", 50, 0, new ProviderSettings(Map.of("SHOUT_KEY", "k")));
    }

    /** A plugin's provider as a plugin author writes one: upper-cases the prompt, two chunks. */
    private static class Shouter implements ModelProviderExtension {
        private final String id;

        Shouter(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Set<String> pluginNames() {
            return Set.of("@acme/plugin-shout");
        }

        @Override
        public GeneratedText generate(TextPrompt prompt, Consumer<String> chunks, PluginContext context) {
            String text = prompt.prompt().toUpperCase(Locale.ROOT);
            int cut = text.indexOf(' ') + 1;
            chunks.accept(text.substring(0, cut));
            chunks.accept(text.substring(cut));
            return new GeneratedText(text, "shout-" + prompt.size() + "-" + prompt.purpose(), 3, 2);
        }
    }

    private PluginCalls calls(Duration modelDeadline) {
        return PluginCalls.start("acme", pluginLoader,
                new PluginCallSettings(Duration.ofSeconds(5), modelDeadline, 2, 3), failures::add);
    }
}
