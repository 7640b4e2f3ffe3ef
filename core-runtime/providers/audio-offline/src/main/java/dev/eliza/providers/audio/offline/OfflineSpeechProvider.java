package dev.eliza.providers.audio.offline;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import dev.eliza.audio.api.AudioProviderException;
import dev.eliza.audio.api.AudioProviderException.Reason;
import dev.eliza.audio.api.SpeechAudio;
import dev.eliza.audio.api.SpeechProvider;
import dev.eliza.audio.api.Transcript;
import dev.eliza.audio.api.Voice;
import dev.eliza.models.api.ProviderSettings;

/**
 * The default speech provider, with no network: espeak-ng speaks (WAV), pocketsphinx with its en-us model
 * transcribes (PCM WAV). The programs are looked up at each call, so installing the Debian packages later needs no
 * restart; while one is missing, the capability is unavailable with the package to install.
 */
@Component(service = SpeechProvider.class)
public final class OfflineSpeechProvider implements SpeechProvider {
    static final String VOICE_SETTING = "ESPEAK_VOICE";

    private final OfflineSettings settings;
    private final ExecutorService readers;
    private final Subprocess runner;
    private volatile Espeak espeak;

    /** The provider as the platform runs it, with the platform's settings. */
    @Activate
    public OfflineSpeechProvider(BundleContext context) {
        this(OfflineSettings.from(context::getProperty, Optional.ofNullable(System.getenv("PATH")).orElse("")),
                Executors.newCachedThreadPool(r -> {
                    Thread thread = new Thread(r, "audio-offline-output");
                    thread.setDaemon(true);
                    return thread;
                }));
    }

    OfflineSpeechProvider(OfflineSettings settings, ExecutorService readers) {
        this.settings = settings;
        this.readers = readers;
        this.runner = new Subprocess(readers, settings.timeout(), OfflineSettings.MAX_OUTPUT_BYTES);
    }

    @Deactivate
    void deactivate() {
        readers.shutdownNow();
    }

    @Override
    public String id() {
        return OFFLINE;
    }

    @Override
    public Set<String> pluginNames() {
        return Set.of();
    }

    @Override
    public Optional<String> unavailable(Capability capability, ProviderSettings agentSettings) {
        if (capability == Capability.SPEECH) {
            return espeakBinary().isPresent() ? Optional.empty() : Optional.of(
                    "espeak-ng is not installed: install the Debian package espeak-ng, or set ESPEAK_NG_PATH");
        }
        if (pocketsphinxBinary().isEmpty()) {
            return Optional.of("pocketsphinx is not installed: install the Debian package pocketsphinx, or set"
                    + " POCKETSPHINX_PATH");
        }
        if (!Pocketsphinx.modelPresent(settings.model())) {
            return Optional.of("the pocketsphinx en-us model is missing from " + settings.model()
                    + ": install the Debian package pocketsphinx-en-us, or set POCKETSPHINX_MODEL_DIR");
        }
        return Optional.empty();
    }

    @Override
    public SpeechAudio synthesize(String text, Optional<String> voice, ProviderSettings agentSettings) {
        requireAvailable(Capability.SPEECH, agentSettings);
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new AudioProviderException(Reason.TOO_LARGE, "The offline synthesizer speaks at most "
                    + MAX_TEXT_LENGTH + " characters at once");
        }
        try {
            return new SpeechAudio(espeak().synthesize(text, voice.orElse(defaultVoice(agentSettings))),
                    "audio/wav");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudioProviderException(Reason.FAILED, "speech synthesis was interrupted", e);
        }
    }

    @Override
    public Transcript transcribe(byte[] audio, String mimeType, ProviderSettings agentSettings) {
        requireAvailable(Capability.TRANSCRIPTION, agentSettings);
        Pocketsphinx recognizer = new Pocketsphinx(pocketsphinxBinary().orElseThrow(), settings.model(), runner,
                settings.maxSeconds());
        try {
            return new Transcript(recognizer.transcribe(audio));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudioProviderException(Reason.FAILED, "transcription was interrupted", e);
        }
    }

    @Override
    public List<Voice> voices(ProviderSettings agentSettings) {
        requireAvailable(Capability.SPEECH, agentSettings);
        try {
            return espeak().voices();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudioProviderException(Reason.FAILED, "listing voices was interrupted", e);
        }
    }

    @Override
    public String defaultVoice(ProviderSettings agentSettings) {
        return agentSettings.get(VOICE_SETTING, Espeak.DEFAULT_VOICE);
    }

    private void requireAvailable(Capability capability, ProviderSettings agentSettings) {
        Optional<String> reason = unavailable(capability, agentSettings);
        if (reason.isPresent()) {
            throw new AudioProviderException(Reason.UNAVAILABLE, reason.get());
        }
    }

    private Espeak espeak() {
        Path binary = espeakBinary().orElseThrow();
        Espeak current = espeak;
        if (current == null || !current.binary().equals(binary)) {
            current = new Espeak(binary, runner);
            espeak = current;
        }
        return current;
    }

    private Optional<Path> espeakBinary() {
        return Binaries.find(settings.espeak(), "espeak-ng", settings.searchPath());
    }

    private Optional<Path> pocketsphinxBinary() {
        return Binaries.find(settings.pocketsphinx(), "pocketsphinx_continuous", settings.searchPath());
    }
}
