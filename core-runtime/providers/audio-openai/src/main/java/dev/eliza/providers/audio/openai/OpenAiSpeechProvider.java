package dev.eliza.providers.audio.openai;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.audio.api.AudioProviderException;
import dev.eliza.audio.api.AudioProviderException.Reason;
import dev.eliza.audio.api.SpeechAudio;
import dev.eliza.audio.api.SpeechProvider;
import dev.eliza.audio.api.Transcript;
import dev.eliza.audio.api.Voice;
import dev.eliza.models.api.ProviderSettings;

/**
 * OpenAI's {@code POST /audio/speech} and {@code /audio/transcriptions}, or any server speaking them (whisper.cpp's
 * server, LocalAI), selected by {@code @elizaos/plugin-openai} and configured by its variables.
 */
@Component(service = SpeechProvider.class)
public final class OpenAiSpeechProvider implements SpeechProvider {
    static final List<String> VOICES = List.of("alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx",
            "sage", "shimmer", "verse");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Made on first use: building it loads the TLS stack, which a server with no OpenAI key never needs. */
    private HttpClient client;
    private final Duration timeout;

    /** The provider with a one-minute timeout per request. */
    public OpenAiSpeechProvider() {
        this(Duration.ofSeconds(60));
    }

    OpenAiSpeechProvider(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return "openai";
    }

    @Override
    public Set<String> pluginNames() {
        return Set.of("@elizaos/plugin-openai");
    }

    @Override
    public Optional<String> unavailable(Capability capability, ProviderSettings settings) {
        return OpenAiAudioSettings.from(settings).missing();
    }

    @Override
    public SpeechAudio synthesize(String text, Optional<String> voice, ProviderSettings settings) {
        OpenAiAudioSettings openai = ready(settings);
        ObjectNode body = JSON.createObjectNode().put("model", openai.speechModel()).put("input", text)
                .put("voice", voice.orElse(openai.voice()));
        openai.instructions().ifPresent(i -> body.put("instructions", i));
        HttpResponse<byte[]> response = send(openai, request(openai, "/audio/speech")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        String type = response.headers().firstValue("Content-Type").map(t -> t.split(";", 2)[0].trim())
                .filter(t -> t.startsWith("audio/")).orElse("audio/mpeg");
        return new SpeechAudio(response.body(), type);
    }

    @Override
    public Transcript transcribe(byte[] audio, String mimeType, ProviderSettings settings) {
        OpenAiAudioSettings openai = ready(settings);
        FormBody form = new FormBody().field("model", openai.transcriptionModel()).field("response_format", "json")
                .file("file", "audio." + extension(mimeType), mimeType, audio);
        HttpResponse<byte[]> response = send(openai, request(openai, "/audio/transcriptions")
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
        try {
            JsonNode answer = JSON.readTree(response.body());
            if (!answer.path("text").isTextual()) {
                throw new AudioProviderException(Reason.FAILED, "The transcription service answered no text");
            }
            return new Transcript(answer.get("text").asText().strip());
        } catch (IOException e) {
            throw new AudioProviderException(Reason.FAILED, "The transcription service answered something other"
                    + " than JSON", e);
        }
    }

    @Override
    public List<Voice> voices(ProviderSettings settings) {
        return VOICES.stream().map(v -> new Voice(v, v.substring(0, 1).toUpperCase(Locale.ROOT) + v.substring(1),
                "", "")).toList();
    }

    @Override
    public String defaultVoice(ProviderSettings settings) {
        return OpenAiAudioSettings.from(settings).voice();
    }

    private static OpenAiAudioSettings ready(ProviderSettings settings) {
        OpenAiAudioSettings openai = OpenAiAudioSettings.from(settings);
        openai.missing().ifPresent(reason -> {
            throw new AudioProviderException(Reason.UNAVAILABLE, reason);
        });
        return openai;
    }

    private HttpRequest.Builder request(OpenAiAudioSettings openai, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(openai.baseUrl() + path)).timeout(timeout);
        openai.key().ifPresent(k -> builder.header("Authorization", "Bearer " + k));
        return builder;
    }

    private HttpResponse<byte[]> send(OpenAiAudioSettings openai, HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new AudioProviderException(Reason.FAILED, "The speech service at " + openai.baseUrl()
                    + " could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AudioProviderException(Reason.FAILED, "The request to the speech service was interrupted", e);
        }
        return Responses.checked(response, openai.baseUrl());
    }

    private static String extension(String mimeType) {
        return switch (mimeType) {
            case "audio/mpeg", "audio/mp3" -> "mp3";
            case "audio/wav", "audio/x-wav", "audio/wave" -> "wav";
            case "audio/mp4", "audio/aac" -> "m4a";
            default -> mimeType.substring(mimeType.indexOf('/') + 1);
        };
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        }
        return client;
    }
}
