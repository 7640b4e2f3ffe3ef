package dev.eliza.audio.impl;

import static dev.eliza.audio.impl.SpeechSliceTest.JSON;
import static dev.eliza.audio.impl.SpeechSliceTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.audio.impl.AudioSlice.Part;

class ConversationSliceTest {
    private final AudioSlice slice = new AudioSlice();

    ConversationSliceTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        slice.close();
    }

    @Test
    void theAgentsAnswerComesBackSpoken() throws Exception {
        UUID agent = slice.agents.add(true);
        for (String route : new String[] {"speech/conversation", "conversation"}) {
            HttpTester.Response response = slice.json("/api/audio/" + agent + "/" + route,
                    "{\"text\":\"talk to me\",\"userName\":\"wire\"}");
            assertThat(response.getStatus()).as(response.getContent()).isEqualTo(200);
            assertThat(response.get("Content-Type")).isEqualTo("audio/wav");
            assertThat(response.getContentBytes()).isEqualTo(FakeSpeech.audioOf("Hello there"));
            assertThat(response.get("X-Reply-Id")).isNotBlank();
        }
        assertThat(slice.messaging.posted).allSatisfy(m -> assertThat(m.text()).isEqualTo("talk to me"));
        assertThat(slice.messaging.openWatches()).isZero();
    }

    @Test
    void aRecordingIsHeardThenAnsweredInJsonForTheApiClient() throws Exception {
        UUID agent = slice.agents.add(true);
        for (String route : new String[] {"speech/conversation", "conversation", "speech"}) {
            HttpTester.Response response = slice.multipart("/api/audio/" + agent + "/" + route, Map.of(),
                    Part.file("audio/webm", new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}),
                    Part.field("metadata", "{}"));
            assertThat(response.getStatus()).as(response.getContent()).isEqualTo(200);
            JsonNode data = JSON.readTree(response.getContent()).path("data");
            assertThat(data.path("transcription").asText()).isEqualTo("hello from the recording");
            assertThat(data.path("text").asText()).isEqualTo("Hello there");
            assertThat(Base64.getDecoder().decode(data.path("audio").asText()))
                    .isEqualTo(FakeSpeech.audioOf("Hello there"));
            assertThat(data.path("metadata").path("replyId").asText()).isNotBlank();
        }
    }

    @Test
    void conversationsNeedTextAndARunningAgentThatAnswers() throws Exception {
        UUID stopped = slice.agents.add(false);
        UUID running = slice.agents.add(true);
        assertError(slice.json("/api/audio/" + running + "/speech/conversation", "{}"), 400, "INVALID_REQUEST",
                "Text is required for conversation");
        assertError(slice.json("/api/audio/" + stopped + "/speech/conversation", "{\"text\":\"hi\"}"), 503,
                "AGENT_NOT_RUNNING", "Agent is not running: start it to talk with it");
        slice.messaging.answering = false;
        assertError(slice.json("/api/audio/" + running + "/speech/conversation", "{\"text\":\"hi\"}"), 504,
                "TIMEOUT", "The agent did not answer within 2000 ms");
        slice.offline.unavailable = Optional.of("espeak-ng is not installed");
        int before = slice.messaging.posted.size();
        assertThat(slice.json("/api/audio/" + running + "/speech/conversation", "{\"text\":\"hi\"}").getStatus())
                .isEqualTo(503);
        assertThat(slice.messaging.posted).as("nothing posted that could not be spoken").hasSize(before);
        assertThat(slice.messaging.openWatches()).isZero();
    }

    @Test
    void statusTellsWhetherTheAgentCanTalk() throws Exception {
        UUID agent = slice.agents.add(true);
        JsonNode data = JSON.readTree(slice.get("/api/audio/" + agent + "/conversation/status").getContent())
                .path("data");
        assertThat(data.path("running").asBoolean()).isTrue();
        assertThat(data.path("available").asBoolean()).isTrue();
        assertThat(data.path("speech").path("provider").asText()).isEqualTo("offline");
        slice.offline.unavailable = Optional.of("pocketsphinx is not installed");
        data = JSON.readTree(slice.get("/api/audio/" + agent + "/conversation/status").getContent()).path("data");
        assertThat(data.path("available").asBoolean()).isFalse();
        assertThat(data.path("transcription").path("reason").asText()).isEqualTo("pocketsphinx is not installed");
        assertThat(slice.get("/api/audio/" + UUID.randomUUID() + "/conversation/status").getStatus()).isEqualTo(404);
    }
}
