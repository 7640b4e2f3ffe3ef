package dev.eliza.audio.impl;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.audio.api.SpeechProvider;
import dev.eliza.http.api.DomainContribution;
import dev.eliza.messaging.api.MessageAnswers;
import dev.eliza.messaging.api.MessageService;

/**
 * Mounts {@code /api/audio} and follows the speech providers as they come and go (each in a bundle of its own).
 * Settings: {@code AUDIO_MAX_BYTES}, the largest upload (25 MiB, OpenAI's limit; the platform's
 * {@code MAX_BODY_BYTES} still applies first), and {@code MESSAGING_HTTP_REPLY_TIMEOUT_MS}, how long a
 * conversation waits for the agent (30 s).
 */
@Component(service = DomainContribution.class)
public final class AudioContribution implements DomainContribution {
    static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;
    static final Duration DEFAULT_REPLY_WAIT = Duration.ofSeconds(30);

    private final SpeechProviders providers = new SpeechProviders();
    private final Set<Object> resources;

    @Activate
    public AudioContribution(@Reference AgentDirectory agents, @Reference MessageService messages,
                             @Reference MessageAnswers answers, BundleContext context) {
        Function<String, String> settings = context::getProperty;
        this.resources = resources(providers, new AudioAgents(agents, System.getenv()), messages, answers,
                number(settings, "AUDIO_MAX_BYTES").orElse(DEFAULT_MAX_BYTES),
                number(settings, "MESSAGING_HTTP_REPLY_TIMEOUT_MS").map(Duration::ofMillis)
                        .orElse(DEFAULT_REPLY_WAIT));
    }

    /** The JAX-RS resources of the audio routes. */
    static Set<Object> resources(SpeechProviders providers, AudioAgents agents, MessageService messages,
                                 MessageAnswers answers, long maxBytes, Duration replyWait) {
        Speech speech = new Speech(providers, agents);
        Conversation conversation = new Conversation(messages, answers, replyWait);
        SpeechResource speaking = new SpeechResource(agents, speech, messages);
        return Set.of(speaking, new TranscriptionResource(agents, speech, conversation, maxBytes),
                new ConversationResource(agents, speech, conversation, speaking, maxBytes));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindProvider(SpeechProvider provider) {
        providers.add(provider);
    }

    void unbindProvider(SpeechProvider provider) {
        providers.remove(provider);
    }

    @Override
    public String domain() {
        return "audio";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/audio");
    }

    @Override
    public Set<Object> resources() {
        return resources;
    }

    private static Optional<Long> number(Function<String, String> settings, String key) {
        return Optional.ofNullable(settings.apply(key)).map(String::trim).filter(v -> v.matches("\\d{1,12}"))
                .map(Long::parseLong).filter(v -> v > 0);
    }
}
