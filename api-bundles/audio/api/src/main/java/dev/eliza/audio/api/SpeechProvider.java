package dev.eliza.audio.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.eliza.models.api.ProviderSettings;

/**
 * A source of synthesized speech and transcriptions, registered as a service by its own bundle. The audio domain
 * picks one per agent the way the agent runtime picks a model provider: the first provider whose
 * {@link #pluginNames()} names a plugin in the character's {@code plugins}, else the provider with id
 * {@value #OFFLINE}. Inputs are already checked by the domain (text 1 to {@value #MAX_TEXT_LENGTH} characters,
 * audio of an accepted type under the size limit); a provider still bounds what it does with them.
 *
 * <pre>{@code
 * @Component(service = SpeechProvider.class)
 * public final class BeepProvider implements SpeechProvider {
 *     public String id() { return "beep"; }
 *     public Set<String> pluginNames() { return Set.of("@acme/plugin-beep"); }
 *     public Optional<String> unavailable(Capability what, ProviderSettings settings) { return Optional.empty(); }
 *     public SpeechAudio synthesize(String text, Optional<String> voice, ProviderSettings settings) { ... }
 *     public Transcript transcribe(byte[] audio, String mimeType, ProviderSettings settings) { ... }
 *     public List<Voice> voices(ProviderSettings settings) { return List.of(); }
 * }
 * }</pre>
 */
public interface SpeechProvider {
    /** The id of the built-in provider used when a character names none. */
    String OFFLINE = "offline";
    /** The longest text the domain hands to {@link #synthesize}, in characters. */
    int MAX_TEXT_LENGTH = 4000;

    /** What a provider can be asked to do. */
    enum Capability {
        /** Text to speech. */
        SPEECH,
        /** Speech to text. */
        TRANSCRIPTION
    }

    /** The provider's id ({@code offline}, {@code openai}, …). */
    String id();

    /** The ElizaOS plugin names that select this provider, for example {@code @elizaos/plugin-openai}. */
    Set<String> pluginNames();

    /**
     * Why the provider cannot do {@code capability} with these settings right now (a program or package is
     * missing, a setting is not set), naming what to install or set; empty when it can.
     */
    Optional<String> unavailable(Capability capability, ProviderSettings settings);

    /**
     * Speaks {@code text} in {@code voice} (the provider's default when empty).
     *
     * @throws AudioProviderException when it cannot
     */
    SpeechAudio synthesize(String text, Optional<String> voice, ProviderSettings settings);

    /**
     * Transcribes {@code audio}, whose type the client declared as {@code mimeType}.
     *
     * @throws AudioProviderException when it cannot
     */
    Transcript transcribe(byte[] audio, String mimeType, ProviderSettings settings);

    /**
     * The voices {@link #synthesize} takes.
     *
     * @throws AudioProviderException when the provider cannot tell
     */
    List<Voice> voices(ProviderSettings settings);

    /** The voice {@link #synthesize} uses when none is asked for. */
    String defaultVoice(ProviderSettings settings);
}
