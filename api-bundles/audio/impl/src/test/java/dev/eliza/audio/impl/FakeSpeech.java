package dev.eliza.audio.impl;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.eliza.audio.api.AudioProviderException;
import dev.eliza.audio.api.SpeechAudio;
import dev.eliza.audio.api.SpeechProvider;
import dev.eliza.audio.api.Transcript;
import dev.eliza.audio.api.Voice;
import dev.eliza.models.api.ProviderSettings;

/** A speech provider that records what it is asked and answers canned audio and words (slice tests only). */
final class FakeSpeech implements SpeechProvider {
    final List<String> spoken = new CopyOnWriteArrayList<>();
    final List<String> voicesAsked = new CopyOnWriteArrayList<>();
    final List<byte[]> heard = new CopyOnWriteArrayList<>();
    final List<ProviderSettings> settings = new CopyOnWriteArrayList<>();
    private final String id;
    private final Set<String> plugins;
    volatile String transcript = "hello from the recording";
    volatile Optional<String> unavailable = Optional.empty();
    volatile Optional<AudioProviderException> failure = Optional.empty();

    FakeSpeech(String id, String... plugins) {
        this.id = id;
        this.plugins = Set.of(plugins);
    }

    static byte[] audioOf(String text) {
        return ("RIFF----WAVEfake:" + text).getBytes(StandardCharsets.UTF_8);
    }

    int calls() {
        return spoken.size() + heard.size();
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
    public Optional<String> unavailable(Capability capability, ProviderSettings given) {
        return unavailable;
    }

    @Override
    public SpeechAudio synthesize(String text, Optional<String> voice, ProviderSettings given) {
        failure.ifPresent(e -> {
            throw e;
        });
        spoken.add(text);
        voicesAsked.add(voice.orElse(defaultVoice(given)));
        settings.add(given);
        return new SpeechAudio(audioOf(text), "audio/wav");
    }

    @Override
    public Transcript transcribe(byte[] audio, String mimeType, ProviderSettings given) {
        failure.ifPresent(e -> {
            throw e;
        });
        heard.add(audio);
        return new Transcript(transcript);
    }

    @Override
    public List<Voice> voices(ProviderSettings given) {
        return List.of(new Voice("en-us", "English (America)", "en-us", "male"));
    }

    @Override
    public String defaultVoice(ProviderSettings given) {
        return given.get("ESPEAK_VOICE", "en-us");
    }
}
