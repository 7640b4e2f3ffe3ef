package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The audio domain on the real platform with the real espeak-ng and pocketsphinx: a sentence spoken offline is
 * transcribed back; an audio message becomes a channel message the agent answers; a spoken conversation returns
 * the agent's answer as audio; an agent naming {@code @elizaos/plugin-openai} speaks through an OpenAI-compatible
 * server; and the {@code @elizaos/api-client} audio service works unchanged.
 */
class AudioIT {
    static final String DIGITS = "one two three four five six seven eight nine ten";

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of("AUDIO_MAX_BYTES", "2097152"));

    @Test
    void whatIsSpokenOfflineIsTranscribedBack() throws Exception {
        AudioHttp audio = new AudioHttp(PLATFORM.process());
        String agent = agent("Echo", false, "");
        AudioHttp.Reply spoken = audio.json("/api/audio/" + agent + "/speech/generate", "{\"text\":\"" + DIGITS
                + "\"}");
        assertThat(spoken.status()).as(spoken.text()).isEqualTo(200);
        assertThat(spoken.type()).isEqualTo("audio/wav");
        assertThat(new String(spoken.body(), 0, 4)).isEqualTo("RIFF");

        AudioHttp.Reply heard = audio.upload("/api/audio/" + agent + "/transcriptions", "audio/wav", spoken.body(),
                Map.of());
        assertThat(heard.status()).as(heard.text()).isEqualTo(200);
        String text = heard.json().at("/data/text").asText();
        List<String> said = List.of(DIGITS.split(" "));
        long matched = Arrays.stream(text.split("\\s+")).filter(said::contains).distinct().count();
        assertThat(matched).as("words of '%s' heard in '%s'", DIGITS, text).isGreaterThanOrEqualTo(8);
    }

    @Test
    void anAudioMessageBecomesAChannelMessageTheAgentAnswers() throws Exception {
        AudioHttp audio = new AudioHttp(PLATFORM.process());
        String agent = agent("Listener", true, "");
        byte[] wav = audio.json("/api/audio/" + agent + "/speech/generate",
                "{\"text\":\"hello world how are you today\"}").body();
        AudioHttp.Reply posted = audio.upload("/api/audio/" + agent + "/audio-messages", "audio/wav", wav,
                Map.of("userName", "Speaker"));
        assertThat(posted.status()).as(posted.text()).isEqualTo(200);
        JsonNode data = posted.json().path("data");
        assertThat(data.path("transcription").asText()).contains("how are you");
        Http http = PLATFORM.http();
        JsonNode message = http.get("/api/messaging/messages/" + data.path("messageId").asText()).json();
        assertThat(message.toString()).contains(data.path("transcription").asText());
        String channel = data.path("channelId").asText();
        Awaits.until(Duration.ofSeconds(30), "the agent's answer", () -> http.get("/api/messaging/channels/"
                + channel + "/messages?limit=10").json().at("/data/messages").findValuesAsText("authorId")
                .contains(agent));
    }

    @Test
    void aSpokenConversationAnswersTheAgentsReplyAsAudio() throws Exception {
        AudioHttp audio = new AudioHttp(PLATFORM.process());
        String agent = agent("Talker", true, "");
        AudioHttp.Reply reply = audio.json("/api/audio/" + agent + "/speech/conversation",
                "{\"text\":\"hello, how are you?\",\"userName\":\"wire\"}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo("audio/wav");
        assertThat(reply.body().length).isGreaterThan(1000);
        JsonNode stored = PLATFORM.http().get("/api/messaging/messages/" + reply.header("X-Reply-Id")).json();
        assertThat(stored.toString()).contains(agent);

        AudioHttp.Reply stopped = audio.json("/api/audio/" + agent("Sleeper", false, "") + "/speech/conversation",
                "{\"text\":\"hi\"}");
        assertThat(stopped.status()).isEqualTo(503);
        assertThat(audio.json("/api/audio/nope/speech/conversation", "{\"text\":\"hi\"}").status()).isEqualTo(400);
        assertThat(audio.upload("/api/audio/" + agent + "/transcriptions", "text/plain", "x".getBytes(), Map.of())
                .status()).isEqualTo(415);
    }

    @Test
    void uploadsAreBoundedAndRefusedToForeignPages() throws Exception {
        AudioHttp audio = new AudioHttp(PLATFORM.process());
        String agent = agent("Bounded", false, "");
        byte[] large = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy("RIFF".getBytes(), 0, large, 0, 4);
        AudioHttp.Reply tooLarge = audio.upload("/api/audio/" + agent + "/transcriptions", "audio/wav", large,
                Map.of());
        assertThat(tooLarge.status()).as(tooLarge.text()).isEqualTo(413);
        assertThat(tooLarge.json().at("/error/message").asText()).isEqualTo("Audio file too large (max 2MB)");
        AudioHttp.Reply foreign = audio.upload("/api/audio/" + agent + "/audio-messages", "audio/wav",
                "RIFF0000WAVE".getBytes(), Map.of(), Map.of("Origin", "http://evil.example"));
        assertThat(foreign.status()).isEqualTo(403);
    }

    @Test
    void anAgentNamingPluginOpenAiSpeaksThroughAnOpenAiCompatibleServer() throws Exception {
        try (AudioFakeOpenAi fake = new AudioFakeOpenAi()) {
            AudioHttp audio = new AudioHttp(PLATFORM.process());
            String agent = agent("Remote", false, ",\"plugins\":[\"@elizaos/plugin-openai\"],\"settings\":{"
                    + "\"OPENAI_BASE_URL\":\"" + fake.baseUrl() + "\",\"secrets\":{\"OPENAI_API_KEY\":\"sk-it\"}}");
            AudioHttp.Reply spoken = audio.json("/api/audio/" + agent + "/speech/generate", "{\"text\":\"hi\"}");
            assertThat(spoken.status()).as(spoken.text()).isEqualTo(200);
            assertThat(spoken.type()).isEqualTo("audio/mpeg");
            assertThat(spoken.body()).isEqualTo(AudioFakeOpenAi.MP3);
            AudioHttp.Reply heard = audio.upload("/api/audio/" + agent + "/transcriptions", "audio/mpeg",
                    AudioFakeOpenAi.MP3, Map.of());
            assertThat(heard.json().at("/data/text").asText()).isEqualTo(AudioFakeOpenAi.TRANSCRIPT);
            assertThat(fake.calls).containsExactly("/v1/audio/speech Bearer sk-it",
                    "/v1/audio/transcriptions Bearer sk-it");
        }
    }

    @Test
    void theDomainAndItsProviderComeAndGoWithTheirBundles() throws Exception {
        AudioHttp audio = new AudioHttp(PLATFORM.process());
        Http http = PLATFORM.http();
        String agent = agent("Swapped", false, "");
        String speak = "/api/audio/" + agent + "/speech/generate";
        assertThat(http.json("POST", "/api/server/modules/provider-audio-offline/stop", "").status()).isEqualTo(200);
        AudioHttp.Reply away = audio.json(speak, "{\"text\":\"hi\"}");
        assertThat(away.status()).isEqualTo(503);
        assertThat(away.text()).contains("provider-audio-offline");
        assertThat(http.json("POST", "/api/server/modules/provider-audio-offline/start", "").status()).isEqualTo(200);
        Awaits.until(Duration.ofSeconds(10), "the offline provider back", () -> audio.json(speak,
                "{\"text\":\"hi\"}").status() == 200);

        assertThat(http.json("POST", "/api/server/modules/audio/stop", "").status()).isEqualTo(200);
        assertThat(audio.json(speak, "{\"text\":\"hi\"}").status()).isEqualTo(404);
        assertThat(http.json("POST", "/api/server/modules/audio/start", "").status()).isEqualTo(200);
        assertThat(audio.json(speak, "{\"text\":\"hi\"}").status()).isEqualTo(200);
    }

    @Test
    void theApiClientsAudioServiceWorks() throws Exception {
        NodeTests.Result result = NodeTests.run("audio.test.mjs", Map.of("BASE_URL",
                "http://127.0.0.1:" + PLATFORM.process().port(), "AGENT_ID", agent("Client", true, "")));
        System.out.println(result.output());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("ℹ fail 0");
    }

    private static String agent(String name, boolean start, String extra) throws Exception {
        Http http = PLATFORM.http();
        Http.Reply created = http.json("POST", "/api/agents", "{\"agent\":{\"name\":\"" + name
                + "\",\"bio\":[\"Speaks.\"]" + extra + "}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().at("/data/id").asText();
        if (start) {
            assertThat(http.json("POST", "/api/agents/" + id + "/start", "").status()).isEqualTo(200);
        }
        return id;
    }
}
