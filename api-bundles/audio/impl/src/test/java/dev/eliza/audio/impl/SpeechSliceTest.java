package dev.eliza.audio.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.audio.api.AudioProviderException;
import dev.eliza.audio.api.AudioProviderException.Reason;
import dev.eliza.messaging.api.ChannelMessage;

class SpeechSliceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    private final AudioSlice slice = new AudioSlice();

    SpeechSliceTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        slice.close();
    }

    @Test
    void everyFormOfTextToSpeechAnswersTheAudioWithItsType() throws Exception {
        UUID agent = slice.agents.add(false);
        for (String route : new String[] {"speech/generate", "audio-messages/synthesize", "synthesize", "speech"}) {
            HttpTester.Response response = slice.json("/api/audio/" + agent + "/" + route,
                    "{\"text\":\"hello " + route + "\"}");
            assertThat(response.getStatus()).as(route).isEqualTo(200);
            assertThat(response.get("Content-Type")).isEqualTo("audio/wav");
            assertThat(response.getContentBytes()).isEqualTo(FakeSpeech.audioOf("hello " + route));
        }
        assertThat(slice.offline.voicesAsked).as("the character's setting").containsOnly("en-gb");
        slice.json("/api/audio/" + agent + "/speech/generate", "{\"text\":\"hi\",\"voice\":\"en-us+klatt\"}");
        assertThat(slice.offline.voicesAsked).last().isEqualTo("en-us+klatt");
        assertThat(slice.offline.settings.get(0).get("ENV_ONLY")).contains("env");
    }

    @Test
    void theApiClientsMessageIdFormAndAJsonAcceptGetJson() throws Exception {
        UUID agent = slice.agents.add(false);
        ChannelMessage said = slice.messaging.store(UUID.randomUUID(), new UUID(0, 0), agent, "spoken reply", "x");
        JsonNode body = JSON.readTree(slice.json("/api/audio/" + agent + "/audio-messages/synthesize",
                "{\"messageId\":\"" + said.id() + "\",\"format\":\"mp3\"}").getContent());
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(body.path("data").path("audio").asText()))
                .isEqualTo(FakeSpeech.audioOf("spoken reply"));
        assertThat(body.path("data").path("format").asText()).isEqualTo("wav");
        assertThat(slice.json("/api/audio/" + agent + "/audio-messages/synthesize",
                "{\"messageId\":\"" + UUID.randomUUID() + "\"}").getStatus()).isEqualTo(404);
        HttpTester.Response json = slice.send("POST", "/api/audio/" + agent + "/speech/generate",
                java.util.Map.of("Content-Type", "application/json", "Accept", "application/json"),
                "{\"text\":\"x\"}".getBytes());
        assertThat(json.get("Content-Type")).startsWith("application/json");
    }

    @Test
    void badInputIsRefusedBeforeAnyProviderRuns() throws Exception {
        UUID agent = slice.agents.add(true);
        assertError(slice.json("/api/audio/nope/speech/generate", "{\"text\":\"x\"}"), 400, "INVALID_ID",
                "Invalid agent ID format");
        assertError(slice.json("/api/audio/" + UUID.randomUUID() + "/speech/generate", "{\"text\":\"x\"}"), 404,
                "NOT_FOUND", "Agent not found");
        assertError(slice.json("/api/audio/" + agent + "/audio-messages/synthesize", "{}"), 400, "INVALID_REQUEST",
                "Text is required for speech synthesis");
        assertError(slice.json("/api/audio/" + agent + "/speech/generate", "{\"text\":\"   \"}"), 400,
                "INVALID_REQUEST", "Text is required for speech synthesis");
        assertError(slice.json("/api/audio/" + agent + "/speech/generate", "{\"text\":42}"), 400, "INVALID_REQUEST",
                "'text' must be a string");
        assertError(slice.json("/api/audio/" + agent + "/speech/generate", "{\"text\":\"" + "a".repeat(4001)
                + "\"}"), 400, "INVALID_REQUEST", "Text exceeds the maximum length of 4000 characters");
        assertThat(slice.json("/api/audio/" + agent + "/speech/generate", "{\"text\":").getStatus()).isEqualTo(400);
        assertThat(slice.send("POST", "/api/audio/" + agent + "/speech/generate",
                java.util.Map.of("Content-Type", "text/plain"), "hi".getBytes()).getStatus()).isEqualTo(415);
        assertThat(slice.offline.calls()).isZero();
    }

    @Test
    void providerFailuresAreNamedNever500() throws Exception {
        UUID agent = slice.agents.add(false);
        slice.offline.unavailable = java.util.Optional.of("espeak-ng is not installed: install the Debian package"
                + " espeak-ng");
        assertError(slice.json("/api/audio/" + agent + "/speech/generate", "{\"text\":\"x\"}"), 503,
                "SERVICE_UNAVAILABLE", "espeak-ng is not installed: install the Debian package espeak-ng");
        slice.offline.unavailable = java.util.Optional.empty();
        slice.offline.failure = java.util.Optional.of(new AudioProviderException(Reason.INVALID_INPUT, "bad voice"));
        assertError(slice.json("/api/audio/" + agent + "/speech/generate", "{\"text\":\"x\"}"), 422,
                "INVALID_INPUT", "bad voice");
        slice.offline.failure = java.util.Optional.of(new AudioProviderException(Reason.FAILED, "crashed"));
        HttpTester.Response failed = slice.json("/api/audio/" + agent + "/speech/generate", "{\"text\":\"x\"}");
        assertError(failed, 502, "PROCESSING_ERROR", "Error generating speech");
        assertThat(JSON.readTree(failed.getContent()).path("error").path("details").asText()).isEqualTo("crashed");
        slice.providers.remove(slice.offline);
        assertThat(slice.json("/api/audio/" + agent + "/speech/generate", "{\"text\":\"x\"}").getStatus())
                .isEqualTo(503);
    }

    @Test
    void theCharactersPluginsChooseTheProvider() throws Exception {
        UUID openAiAgent = slice.agents.add(false, "@elizaos/plugin-sql", "@elizaos/plugin-openai");
        HttpTester.Response away = slice.json("/api/audio/" + openAiAgent + "/speech/generate", "{\"text\":\"x\"}");
        assertError(away, 503, "SERVICE_UNAVAILABLE", new SpeechProviders.Selection(java.util.Optional.empty(),
                "@elizaos/plugin-openai").missingReason());
        FakeSpeech openai = new FakeSpeech("openai", "@elizaos/plugin-openai");
        slice.providers.add(openai);
        slice.agents.secrets.put("OPENAI_API_KEY", "sk-test");
        assertThat(slice.json("/api/audio/" + openAiAgent + "/speech/generate", "{\"text\":\"x\"}").getStatus())
                .isEqualTo(200);
        assertThat(openai.spoken).containsExactly("x");
        assertThat(openai.settings.get(0).get("OPENAI_API_KEY")).contains("sk-test");
        assertThat(slice.offline.spoken).isEmpty();
    }

    @Test
    void voicesListTheAgentsProvidersVoices() throws Exception {
        UUID agent = slice.agents.add(false);
        JsonNode data = JSON.readTree(slice.get("/api/audio/" + agent + "/voices").getContent()).path("data");
        assertThat(data.path("provider").asText()).isEqualTo("offline");
        assertThat(data.path("defaultVoice").asText()).isEqualTo("en-gb");
        assertThat(data.path("voices").get(0).path("id").asText()).isEqualTo("en-us");
        assertThat(slice.get("/api/audio/x/voices").getStatus()).isEqualTo(400);
    }

    static void assertError(HttpTester.Response response, int status, String code, String message)
            throws Exception {
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.getContent());
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.path("error").path("code").asText()).isEqualTo(code);
        assertThat(body.path("error").path("message").asText()).isEqualTo(message);
    }
}
