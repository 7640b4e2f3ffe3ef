package dev.eliza.providers.audio.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.audio.api.AudioProviderException;
import dev.eliza.audio.api.AudioProviderException.Reason;
import dev.eliza.audio.api.SpeechAudio;
import dev.eliza.audio.api.SpeechProvider.Capability;
import dev.eliza.models.api.ProviderSettings;

class OpenAiSpeechProviderTest {
    private static final byte[] MP3 = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x00, (byte) 0x80, 0x7F};
    private final FakeAudioServer server = new FakeAudioServer();
    private final OpenAiSpeechProvider provider = new OpenAiSpeechProvider(Duration.ofSeconds(5));

    OpenAiSpeechProviderTest() throws Exception {
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void speechIsAskedWithThePluginsSettingsAndItsBytesReturned() throws Exception {
        server.answer("/v1/audio/speech", 200, "audio/mpeg", MP3);
        SpeechAudio audio = provider.synthesize("Hello there", Optional.empty(), settings(Map.of(
                "OPENAI_TTS_VOICE", "onyx", "OPENAI_TTS_INSTRUCTIONS", "calm")));
        assertThat(audio.bytes()).isEqualTo(MP3);
        assertThat(audio.mimeType()).isEqualTo("audio/mpeg");
        FakeAudioServer.Request request = server.requests.get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
        var body = new ObjectMapper().readTree(request.body());
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini-tts");
        assertThat(body.path("voice").asText()).isEqualTo("onyx");
        assertThat(body.path("input").asText()).isEqualTo("Hello there");
        assertThat(body.path("instructions").asText()).isEqualTo("calm");
        provider.synthesize("x", Optional.of("echo"), settings(Map.of()));
        assertThat(new ObjectMapper().readTree(server.requests.get(1).body()).path("voice").asText()).isEqualTo("echo");
    }

    @Test
    void transcriptionSendsTheFileAsAFormAndReadsTheText() {
        server.answer("/v1/audio/transcriptions", 200, "application/json",
                "{\"text\":\" one two three \"}".getBytes(StandardCharsets.UTF_8));
        byte[] wav = "RIFF\u0001\u00ffWAVE".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(provider.transcribe(wav, "audio/wav", settings(Map.of("OPENAI_TRANSCRIPTION_MODEL", "whisper-1")))
                .text()).isEqualTo("one two three");
        FakeAudioServer.Request request = server.requests.get(0);
        assertThat(request.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(request.text()).contains("name=\"model\"\r\n\r\nwhisper-1\r\n")
                .contains("filename=\"audio.wav\"\r\nContent-Type: audio/wav\r\n\r\n"
                        + new String(wav, StandardCharsets.ISO_8859_1) + "\r\n");
    }

    @Test
    void aLocalServerNeedsNoKeyButOpenAiDoes() {
        ProviderSettings none = new ProviderSettings(Map.of());
        assertThat(provider.unavailable(Capability.SPEECH, none)).get().asString().contains("OPENAI_API_KEY");
        assertThatThrownBy(() -> provider.synthesize("x", Optional.empty(), none))
                .isInstanceOfSatisfying(AudioProviderException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        server.answer("/v1/audio/speech", 200, "audio/wav", MP3);
        ProviderSettings local = new ProviderSettings(Map.of("OPENAI_BASE_URL", server.url() + "/"));
        assertThat(provider.unavailable(Capability.TRANSCRIPTION, local)).isEmpty();
        assertThat(provider.synthesize("x", Optional.empty(), local).mimeType()).isEqualTo("audio/wav");
        assertThat(server.requests.get(0).header("Authorization")).isNull();
    }

    @Test
    void failuresAreClassifiedAndNeverEchoTheKey() {
        server.answer("/v1/audio/speech", 401, "application/json",
                "{\"error\":{\"message\":\"Incorrect API key provided: sk-test\"}}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> provider.synthesize("x", Optional.empty(), settings(Map.of())))
                .isInstanceOfSatisfying(AudioProviderException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
                    assertThat(e.getMessage()).doesNotContain("sk-test").contains("OPENAI_API_KEY");
                });
        server.answer("/v1/audio/speech", 400, "application/json",
                "{\"error\":{\"message\":\"Invalid voice\"}}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> provider.synthesize("x", Optional.empty(), settings(Map.of())))
                .isInstanceOfSatisfying(AudioProviderException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT);
                    assertThat(e.getMessage()).endsWith("400: Invalid voice");
                });
        server.answer("/v1/audio/speech", 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> provider.synthesize("x", Optional.empty(), settings(Map.of())))
                .isInstanceOfSatisfying(AudioProviderException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));
        ProviderSettings nowhere = new ProviderSettings(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:1/v1"));
        assertThatThrownBy(() -> provider.transcribe(MP3, "audio/mpeg", nowhere))
                .isInstanceOfSatisfying(AudioProviderException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FAILED));
    }

    @Test
    void voicesAreOpenAisOwn() {
        assertThat(provider.voices(settings(Map.of()))).extracting(v -> v.id()).contains("alloy", "nova");
        assertThat(provider.defaultVoice(settings(Map.of()))).isEqualTo("nova");
    }

    private ProviderSettings settings(Map<String, String> extra) {
        Map<String, String> values = new java.util.HashMap<>(extra);
        values.put("OPENAI_API_KEY", "sk-test");
        values.put("OPENAI_BASE_URL", server.url());
        return new ProviderSettings(values);
    }
}
