package dev.eliza.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eliza.models.api.ChatTurn;
import dev.eliza.models.api.ModelClass;
import dev.eliza.models.api.ModelProviderException;
import dev.eliza.models.api.ProviderSettings;
import dev.eliza.models.api.TextRequest;
import dev.eliza.models.api.TextResult;
import dev.eliza.providers.support.FakeServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OllamaProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeServer fake = new FakeServer();
    private final OllamaProvider provider = new OllamaProvider(Duration.ofSeconds(10));

    OllamaProviderTest() throws Exception {
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void streamsNdjsonChunksAndSendsModelAndMessages() throws Exception {
        fake.answer("/api/chat", 200, "application/x-ndjson",
                "{\"model\":\"small-one\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"Hel\"},\"done\":false}\n",
                "{\"model\":\"small-one\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"lo there\"},\"done\":false}\n",
                "{\"model\":\"small-one\",\"created_at\":\"2026-01-01T00:00:01Z\",\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":9,"
                        + "\"eval_count\":2}\n");
        List<String> chunks = new ArrayList<>();

        TextResult result = provider.generate(request(ModelClass.TEXT_SMALL, settings(fake.url() + "/api")),
                chunks::add);

        assertThat(String.join("", chunks)).isEqualTo("Hello there");
        assertThat(chunks).contains("Hel", "lo there");
        assertThat(result.text()).isEqualTo("Hello there");
        assertThat(result.promptTokens()).isEqualTo(9);
        FakeServer.Request got = fake.requests().get(0);
        assertThat(got.path()).isEqualTo("/api/chat");
        JsonNode body = JSON.readTree(got.body());
        assertThat(body.get("model").asText()).isEqualTo("small-one");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("messages").findValuesAsText("role"))
                .containsExactly("system", "user", "assistant", "user");
        assertThat(body.get("messages").get(0).get("content").asText()).isEqualTo("You are Eliza.");
    }

    @Test
    void theEndpointMayOmitApiAndTheLargeModelServesLargeRequests() throws Exception {
        fake.answer("/api/chat", 200, "application/x-ndjson", "{\"model\":\"large-one\",\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"ok\"},\"done\":true}\n");

        provider.generate(request(ModelClass.TEXT_LARGE, settings(fake.url())), chunk -> { });

        assertThat(JSON.readTree(fake.requests().get(0).body()).get("model").asText()).isEqualTo("large-one");
    }

    @Test
    void embedsWithTheEmbeddingModel() throws Exception {
        fake.answer("/api/embed", 200, "application/json",
                "{\"model\":\"embed-one\",\"embeddings\":[[0.25,-0.5,1.0]]}");

        var embedding = provider.embed("hello world", settings(fake.url() + "/api/"));

        assertThat(embedding.vector()).containsExactly(0.25f, -0.5f, 1.0f);
        assertThat(embedding.model()).isEqualTo("embed-one");
        JsonNode body = JSON.readTree(fake.requests().get(0).body());
        assertThat(body.get("model").asText()).isEqualTo("embed-one");
        assertThat(body.get("input").toString()).contains("hello world");
    }

    @ParameterizedTest
    @CsvSource({"400,false", "404,false", "429,true", "500,true"})
    void httpErrorsAreClassified(int status, boolean retryable) {
        fake.answer("/api/chat", status, "application/json", "{\"error\":\"model 'small-one' not found\"}");

        ModelProviderException e = catchThrowableOfType(ModelProviderException.class,
                () -> provider.generate(request(ModelClass.TEXT_SMALL, settings(fake.url())), c -> { }));

        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains(String.valueOf(status));
    }

    @Test
    void aRefusedConnectionIsRetryableForChatAndEmbeddings() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProviderSettings settings = settings("http://127.0.0.1:" + closedPort + "/api");

        ModelProviderException chat = catchThrowableOfType(ModelProviderException.class,
                () -> provider.generate(request(ModelClass.TEXT_SMALL, settings), c -> { }));
        ModelProviderException embed = catchThrowableOfType(ModelProviderException.class,
                () -> provider.embed("x", settings));

        assertThat(chat.retryable()).isTrue();
        assertThat(embed.retryable()).isTrue();
    }

    @Test
    void theDefaultEndpointIsTheLocalServer() {
        assertThat(OllamaProvider.server(new ProviderSettings(Map.of()))).isEqualTo("http://localhost:11434");
    }

    private static ProviderSettings settings(String endpoint) {
        return new ProviderSettings(Map.of("OLLAMA_API_ENDPOINT", endpoint, "OLLAMA_SMALL_MODEL", "small-one",
                "OLLAMA_LARGE_MODEL", "large-one", "OLLAMA_EMBEDDING_MODEL", "embed-one"));
    }

    private static TextRequest request(ModelClass modelClass, ProviderSettings settings) {
        return new TextRequest(UUID.randomUUID(), TextRequest.Purpose.REPLY, modelClass, "You are Eliza.",
                List.of(new ChatTurn(ChatTurn.Role.USER, "Ann", "hi"), new ChatTurn(ChatTurn.Role.ASSISTANT, "", "Hello.")),
                "how are you?", 100, 0.2, settings);
    }
}
