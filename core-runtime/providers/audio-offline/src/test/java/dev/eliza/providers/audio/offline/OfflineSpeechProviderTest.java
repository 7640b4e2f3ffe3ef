package dev.eliza.providers.audio.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.eliza.audio.api.AudioProviderException;
import dev.eliza.audio.api.AudioProviderException.Reason;
import dev.eliza.audio.api.SpeechAudio;
import dev.eliza.audio.api.SpeechProvider.Capability;
import dev.eliza.models.api.ProviderSettings;

/** The real espeak-ng and pocketsphinx of this machine (Debian packages espeak-ng, pocketsphinx, -en-us). */
class OfflineSpeechProviderTest {
    static final String DIGITS = "one two three four five six seven eight nine ten";
    private static final ProviderSettings NONE = new ProviderSettings(Map.of());

    private OfflineSpeechProvider provider = provider(Map.of());

    @AfterEach
    void stop() {
        provider.deactivate();
    }

    @Test
    void speaksAWavWithItsTrueSizes() {
        SpeechAudio audio = provider.synthesize("Hello world, how are you today?", Optional.empty(), NONE);
        assertThat(audio.mimeType()).isEqualTo("audio/wav");
        ByteBuffer header = ByteBuffer.wrap(audio.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(audio.bytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(audio.length() - 8);
        assertThat(header.getInt(40)).isEqualTo(audio.length() - 44);
        assertThat(header.getInt(24)).as("espeak-ng's rate").isEqualTo(22050);
    }

    @Test
    void whatItSaysItHearsBack() {
        SpeechAudio audio = provider.synthesize(DIGITS, Optional.empty(), NONE);
        String heard = provider.transcribe(audio.bytes(), "audio/wav", NONE).text();
        List<String> said = List.of(DIGITS.split(" "));
        long matched = Arrays.stream(heard.split("\\s+")).filter(said::contains).distinct().count();
        assertThat(matched).as("words of '%s' heard in '%s'", DIGITS, heard).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aStereoRecordingAtAnotherRateIsHeardToo() throws Exception {
        byte[] mono = provider.synthesize(DIGITS, Optional.empty(), NONE).bytes();
        javax.sound.sampled.AudioInputStream source = javax.sound.sampled.AudioSystem.getAudioInputStream(
                new java.io.ByteArrayInputStream(mono));
        byte[] pcm = source.readAllBytes();
        byte[] stereo = new byte[pcm.length * 2];
        for (int i = 0; i < pcm.length; i += 2) {
            System.arraycopy(pcm, i, stereo, i * 2, 2);
            System.arraycopy(pcm, i, stereo, i * 2 + 2, 2);
        }
        var format = new javax.sound.sampled.AudioFormat(22050f, 16, 2, true, false);
        var out = new java.io.ByteArrayOutputStream();
        javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(
                new java.io.ByteArrayInputStream(stereo), format, pcm.length / 2),
                javax.sound.sampled.AudioFileFormat.Type.WAVE, out);
        String heard = provider.transcribe(out.toByteArray(), "audio/wav", NONE).text();
        assertThat(Arrays.stream(heard.split("\\s+")).filter(List.of(DIGITS.split(" "))::contains).distinct()
                .count()).as(heard).isGreaterThanOrEqualTo(8);
    }

    @Test
    void listsEspeakVoicesAndRefusesUnknownOnes() {
        assertThat(provider.voices(NONE)).anySatisfy(v -> {
            assertThat(v.id()).isEqualTo("en-us");
            assertThat(v.language()).isEqualTo("en-us");
        });
        assertThat(provider.synthesize("hi", Optional.of("en-gb-x-rp+f2"), NONE).length()).isGreaterThan(44);
        for (String voice : new String[] {"nosuch", "en-us+nosuch", "--help", "en;rm"}) {
            assertThatThrownBy(() -> provider.synthesize("hi", Optional.of(voice), NONE)).as(voice)
                    .isInstanceOfSatisfying(AudioProviderException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT));
        }
    }

    @Test
    void anAgentMayChooseItsDefaultVoice() {
        ProviderSettings british = new ProviderSettings(Map.of("ESPEAK_VOICE", "en-gb"));
        assertThat(provider.defaultVoice(british)).isEqualTo("en-gb");
        assertThat(provider.synthesize("hello", Optional.empty(), british).length()).isGreaterThan(44);
    }

    @Test
    void refusesWhatIsNotPcmWavAndInputOverTheLimits() {
        assertThatThrownBy(() -> provider.transcribe("ID3 not a wav".getBytes(StandardCharsets.US_ASCII),
                "audio/mpeg", NONE)).isInstanceOfSatisfying(AudioProviderException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT));
        assertThatThrownBy(() -> provider.synthesize("a".repeat(4001), Optional.empty(), NONE))
                .isInstanceOfSatisfying(AudioProviderException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        provider.deactivate();
        provider = provider(Map.of("AUDIO_MAX_SECONDS", "1"));
        byte[] long3s = provider.synthesize(DIGITS, Optional.empty(), NONE).bytes();
        assertThatThrownBy(() -> provider.transcribe(long3s, "audio/wav", NONE))
                .isInstanceOfSatisfying(AudioProviderException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void missingProgramsAreUnavailableNamingThePackage() {
        provider.deactivate();
        provider = provider(Map.of("ESPEAK_NG_PATH", "/nonexistent/espeak-ng",
                "POCKETSPHINX_MODEL_DIR", "/nonexistent/model"));
        assertThat(provider.unavailable(Capability.SPEECH, NONE)).get().asString().contains("espeak-ng");
        assertThat(provider.unavailable(Capability.TRANSCRIPTION, NONE)).get().asString()
                .contains("pocketsphinx-en-us");
        assertThatThrownBy(() -> provider.synthesize("hi", Optional.empty(), NONE))
                .isInstanceOfSatisfying(AudioProviderException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        OfflineSpeechProvider noPath = new OfflineSpeechProvider(OfflineSettings.from(k -> null, "/nonexistent"),
                Executors.newCachedThreadPool());
        assertThat(noPath.unavailable(Capability.TRANSCRIPTION, NONE)).get().asString()
                .contains("Debian package pocketsphinx,");
        noPath.deactivate();
    }

    private static OfflineSpeechProvider provider(Map<String, String> properties) {
        return new OfflineSpeechProvider(OfflineSettings.from(properties::get, System.getenv("PATH")),
                Executors.newCachedThreadPool());
    }
}
