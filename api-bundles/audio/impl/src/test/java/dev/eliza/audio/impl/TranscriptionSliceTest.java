package dev.eliza.audio.impl;

import static dev.eliza.audio.impl.SpeechSliceTest.JSON;
import static dev.eliza.audio.impl.SpeechSliceTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.audio.impl.AudioSlice.Part;
import dev.eliza.messaging.api.NewMessage;

class TranscriptionSliceTest {
    static final byte[] WAV = FakeSpeech.audioOf("recording");
    private final AudioSlice slice = new AudioSlice();

    TranscriptionSliceTest() throws Exception {
    }

    @AfterEach
    void close() throws Exception {
        slice.close();
    }

    @Test
    void transcriptionsAnswerTheWordsAs172Does() throws Exception {
        UUID agent = slice.agents.add(false);
        for (String route : new String[] {"transcriptions", "transcribe"}) {
            HttpTester.Response response = slice.multipart("/api/audio/" + agent + "/" + route, Map.of(),
                    Part.file("audio/wav", WAV), Part.field("language", "en"));
            assertThat(response.getStatus()).as(route).isEqualTo(200);
            assertThat(response.getContent()).isEqualTo("{\"success\":true,\"data\":{\"text\":\"hello from the"
                    + " recording\"}}");
        }
        assertThat(slice.offline.heard).allSatisfy(bytes -> assertThat(bytes).isEqualTo(WAV));
    }

    @Test
    void aNamelessBlobIsAcceptedWhenItsBytesAreAudio() throws Exception {
        UUID agent = slice.agents.add(false);
        assertThat(slice.multipart("/api/audio/" + agent + "/transcriptions", Map.of(),
                Part.file("application/octet-stream", WAV)).getStatus()).isEqualTo(200);
        assertError(slice.multipart("/api/audio/" + agent + "/transcriptions", Map.of(),
                Part.file("application/octet-stream", "just text".getBytes(StandardCharsets.UTF_8))), 415,
                "INVALID_FILE_TYPE", AudioErrors.invalidType().getMessage());
    }

    @Test
    void uploadsAreCheckedBeforeAnyProviderRuns() throws Exception {
        UUID agent = slice.agents.add(false);
        String path = "/api/audio/" + agent + "/transcriptions";
        assertError(slice.multipart(path, Map.of(), Part.field("x", "1")), 400, "INVALID_REQUEST",
                "No audio file provided");
        assertError(slice.multipart(path, Map.of(), Part.file("text/plain", "hello".getBytes())), 415,
                "INVALID_FILE_TYPE", "Invalid audio file type. Only audio/mpeg, audio/mp3, audio/wav, audio/ogg,"
                        + " audio/webm, audio/mp4, audio/aac, audio/flac, audio/x-wav, audio/wave are allowed");
        assertError(slice.multipart(path, Map.of(), Part.file("audio/wav", new byte[0])), 400, "INVALID_REQUEST",
                "The audio file is empty");
        assertError(slice.multipart(path, Map.of(), Part.file("audio/wav", new byte[(int) AudioSlice.MAX_BYTES + 1])),
                413, "FILE_TOO_LARGE", "Audio file too large (max 4KB)");
        assertError(slice.multipart("/api/audio/nope/transcriptions", Map.of(), Part.file("audio/wav", WAV)), 400,
                "INVALID_ID", "Invalid agent ID format");
        assertError(slice.multipart("/api/audio/" + UUID.randomUUID() + "/transcriptions", Map.of(),
                Part.file("audio/wav", WAV)), 404, "NOT_FOUND", "Agent not found");
        assertThat(slice.send("POST", path, Map.of("Content-Type", "multipart/form-data; boundary=XyZ"),
                "--XyZ\r\nbroken".getBytes()).getStatus()).isEqualTo(400);
        assertThat(slice.json(path, "{}").getStatus()).isEqualTo(415);
        assertThat(slice.offline.calls()).isZero();
    }

    @Test
    void aForeignPageCannotPostAFormWithoutTheKey() throws Exception {
        UUID agent = slice.agents.add(false);
        HttpTester.Response refused = slice.multipart("/api/audio/" + agent + "/transcriptions",
                Map.of("Origin", "http://evil.example"), Part.file("audio/wav", WAV));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(slice.offline.calls()).isZero();
    }

    @Test
    void anAudioMessageBecomesTheUsersChannelMessageToTheAgent() throws Exception {
        UUID agent = slice.agents.add(true);
        UUID channel = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        HttpTester.Response response = slice.multipart("/api/audio/" + agent + "/audio-messages", Map.of(),
                Part.file("audio/wav", WAV), Part.field("channelId", channel.toString()),
                Part.field("entityId", user.toString()), Part.field("userName", "Ann"));
        assertThat(response.getStatus()).as(response.getContent()).isEqualTo(200);
        JsonNode data = JSON.readTree(response.getContent()).path("data");
        assertThat(data.path("transcription").asText()).isEqualTo("hello from the recording");
        NewMessage posted = slice.messaging.posted.get(0);
        assertThat(posted.channelId()).isEqualTo(channel);
        assertThat(posted.authorId()).isEqualTo(user);
        assertThat(posted.authorName()).isEqualTo("Ann");
        assertThat(posted.text()).isEqualTo("hello from the recording");
        assertThat(posted.createChannel()).isTrue();
        assertThat(posted.metadata().path("targetAgentId").asText()).isEqualTo(agent.toString());
        assertThat(data.path("messageId").asText()).isEqualTo(slice.messaging.messages.get(0).id().toString());
        assertThat(data.path("channelId").asText()).isEqualTo(channel.toString());
    }

    @Test
    void withoutChannelOrUserEachAgentAndUserGetTheirOwnChannel() throws Exception {
        UUID agent = slice.agents.add(true);
        slice.multipart("/api/audio/" + agent + "/message", Map.of(), Part.file("audio/wav", WAV));
        slice.multipart("/api/audio/" + agent + "/message", Map.of(), Part.file("audio/wav", WAV));
        slice.multipart("/api/audio/" + agent + "/message", Map.of(), Part.file("audio/wav", WAV),
                Part.field("userName", "Bob"));
        var posts = slice.messaging.posted;
        assertThat(posts).hasSize(3);
        assertThat(posts.get(0).channelId()).isEqualTo(posts.get(1).channelId()).isNotEqualTo(posts.get(2).channelId());
        assertThat(posts.get(0).serverId()).isEqualTo(new UUID(0, 0));
    }

    @Test
    void silenceIsNotPosted() throws Exception {
        UUID agent = slice.agents.add(true);
        slice.offline.transcript = "";
        assertError(slice.multipart("/api/audio/" + agent + "/audio-messages", Map.of(), Part.file("audio/wav", WAV)),
                422, "NO_SPEECH", "No speech was recognized in the audio file");
        assertThat(slice.messaging.posted).isEmpty();
    }
}
