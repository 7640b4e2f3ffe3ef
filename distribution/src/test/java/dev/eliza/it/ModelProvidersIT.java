package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agents answered by the OpenAI, Anthropic and Ollama provider bundles inside the real platform (LangChain4j
 * embedded in OSGi bundles), chosen by the character's {@code plugins} and configured by its settings, against
 * a local server speaking each provider's streamed protocol.
 */
class ModelProvidersIT {
    private static final String SERVER = "00000000-0000-0000-0000-000000000000";
    private static final FakeModelServers FAKE = start();

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @ParameterizedTest
    @CsvSource({
        "@elizaos/plugin-openai, OPENAI_API_KEY, OPENAI_BASE_URL, /v1, /v1/chat/completions, openai",
        "@elizaos/plugin-anthropic, ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, /v1, /v1/messages, anthropic",
        "@elizaos/plugin-ollama, OLLAMA_KEY_UNUSED, OLLAMA_API_ENDPOINT, /api, /api/chat, ollama"})
    void theCharactersPluginAnswersThroughItsServer(String plugin, String keyName, String urlName, String root,
                                                    String path, String provider) throws Exception {
        Http http = PLATFORM.http();
        String key = "sk-" + UUID.randomUUID();
        String agent = http.json("POST", "/api/agents", "{\"agent\":{\"name\":\"" + provider + "-agent\","
                + "\"plugins\":[\"" + plugin + "\"],\"settings\":{\"" + urlName + "\":\"" + FAKE.url() + root
                + "\",\"secrets\":{\"" + keyName + "\":\"" + key + "\"}}}}").json().at("/data/id").asText();
        assertThat(http.json("POST", "/api/agents/" + agent + "/start", "").status()).isEqualTo(200);
        String user = UUID.randomUUID().toString();
        Http.Reply channel = http.json("POST", "/api/messaging/channels", "{\"name\":\"" + provider + "\","
                + "\"type\":\"GROUP\",\"message_server_id\":\"" + SERVER + "\",\"participantCentralUserIds\":[\""
                + user + "\",\"" + agent + "\"]}");
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);

        Http.Reply answer = http.json("POST", "/api/messaging/channels/" + channel.json().at("/data/id").asText()
                + "/messages", "{\"author_id\":\"" + user + "\",\"content\":\"hi there\",\"message_server_id\":\""
                + SERVER + "\",\"transport\":\"http\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().at("/agentResponse/text").asText()).isEqualTo(provider + " says hello");
        FakeModelServers.Call call = FAKE.calls().stream().filter(c -> c.path().equals(path)).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(call.body()).contains("hi there");
        if (!provider.equals("ollama")) {
            assertThat(call.key()).contains(key);
        }
    }

    private static FakeModelServers start() {
        try {
            return new FakeModelServers();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
