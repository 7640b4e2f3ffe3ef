package dev.eliza.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiProviderTest {
    private static final String KEY = "sk-test-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeServer fake = new FakeServer();
    private final OpenAiProvider provider = new OpenAiProvider(Duration.ofSeconds(10));

    OpenAiProviderTest() throws Exception {
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void streamsEachChunkOnTheCallingThreadAndSendsModelMessagesAndKey() throws Exception {
        fake.answer("/v1/chat/completions", 200, "text/event-stream",
                chunk("{\"role\":\"assistant\",\"content\":\"Hel\"}"), chunk("{\"content\":\"lo there\"}"),
                "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"small-one\",\"choices\":[{"
                        + "\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n", "data: [DONE]\n\n");
        List<String> chunks = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();

        TextResult result = provider.generate(request(ModelClass.TEXT_SMALL, settings()), chunk -> {
            chunks.add(chunk);
            threads.add(Thread.currentThread());
        });

        assertThat(chunks).containsExactly("Hel", "lo there");
        assertThat(threads).containsOnly(Thread.currentThread());
        assertThat(result.text()).isEqualTo("Hello there");
        FakeServer.Request got = fake.requests().get(0);
        assertThat(got.path()).isEqualTo("/v1/chat/completions");
        assertThat(got.header("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = JSON.readTree(got.body());
        assertThat(body.get("model").asText()).isEqualTo("small-one");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("messages").findValuesAsText("role"))
                .containsExactly("system", "user", "assistant", "user");
        assertThat(body.get("messages").get(0).get("content").asText()).isEqualTo("You are Eliza.");
        assertThat(body.get("messages").get(1).get("content").asText()).isEqualTo("Ann: hi");
        assertThat(body.get("messages").get(3).get("content").asText()).isEqualTo("how are you?");
    }

    @Test
    void theLargeModelServesLargeRequestsAndClientsAreBuiltOncePerSettings() throws Exception {
        fake.answer("/v1/chat/completions", 200, "text/event-stream", chunk("{\"content\":\"ok\"}"),
                "data: [DONE]\n\n");

        provider.generate(request(ModelClass.TEXT_LARGE, settings()), chunk -> { });
        provider.generate(request(ModelClass.TEXT_LARGE, settings()), chunk -> { });

        assertThat(JSON.readTree(fake.requests().get(1).body()).get("model").asText()).isEqualTo("large-one");
        assertThat(provider.clients()).isEqualTo(1);
    }

    @Test
    void embedsWithTheEmbeddingModel() throws Exception {
        fake.answer("/v1/embeddings", 200, "application/json", "{\"object\":\"list\",\"data\":[{\"object\":"
                + "\"embedding\",\"index\":0,\"embedding\":[0.25,-0.5,1.0]}],\"model\":\"embed-one\","
                + "\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}");

        var embedding = provider.embed("hello world", settings());

        assertThat(embedding.vector()).containsExactly(0.25f, -0.5f, 1.0f);
        assertThat(embedding.model()).isEqualTo("embed-one");
        FakeServer.Request got = fake.requests().get(0);
        assertThat(got.header("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = JSON.readTree(got.body());
        assertThat(body.get("model").asText()).isEqualTo("embed-one");
        assertThat(body.get("input").toString()).contains("hello world");
    }

    @Test
    void aMissingKeyIsNotRetryableAndNamesTheVariable() {
        Map<String, String> values = new HashMap<>(settings().values());
        values.remove("OPENAI_API_KEY");

        ModelProviderException e = catchThrowableOfType(ModelProviderException.class,
                () -> provider.generate(request(ModelClass.TEXT_SMALL, new ProviderSettings(values)), c -> { }));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("OPENAI_API_KEY");
        assertThat(fake.requests()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"401,false", "403,false", "404,false", "400,false", "429,true", "500,true", "503,true"})
    void httpErrorsAreClassifiedAndNeverCarryTheKey(int status, boolean retryable) {
        // Real OpenAI echoes (part of) a wrong key in its 401 body.
        fake.answer("/v1/chat/completions", status, "application/json",
                "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"type\":\"x\"}}");

        ModelProviderException e = catchThrowableOfType(ModelProviderException.class,
                () -> provider.generate(request(ModelClass.TEXT_SMALL, settings()), c -> { }));

        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains(String.valueOf(status)).doesNotContain(KEY);
        assertThat(String.valueOf(e.getCause())).doesNotContain(KEY);
    }

    @Test
    void embeddingErrorsAreClassifiedToo() {
        fake.answer("/v1/embeddings", 401, "application/json", "{\"error\":{\"message\":\"bad key\"}}");

        assertThatThrownBy(() -> provider.embed("x", settings())).isInstanceOfSatisfying(
                ModelProviderException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> values = new HashMap<>(settings().values());
        values.put("OPENAI_BASE_URL", "http://127.0.0.1:" + closedPort + "/v1");

        ModelProviderException e = catchThrowableOfType(ModelProviderException.class,
                () -> provider.generate(request(ModelClass.TEXT_SMALL, new ProviderSettings(values)), c -> { }));

        assertThat(e.retryable()).isTrue();
    }

    private ProviderSettings settings() {
        return new ProviderSettings(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", fake.url() + "/v1/",
                "OPENAI_SMALL_MODEL", "small-one", "OPENAI_LARGE_MODEL", "large-one",
                "OPENAI_EMBEDDING_MODEL", "embed-one"));
    }

    private static TextRequest request(ModelClass modelClass, ProviderSettings settings) {
        return new TextRequest(UUID.randomUUID(), TextRequest.Purpose.REPLY, modelClass, "You are Eliza.",
                List.of(new ChatTurn(ChatTurn.Role.USER, "Ann", "hi"), new ChatTurn(ChatTurn.Role.ASSISTANT, "", "Hello.")),
                "how are you?", 100, 0.2, settings);
    }

    private static String chunk(String delta) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"small-one\",\"choices\":[{"
                + "\"index\":0,\"delta\":" + delta + ",\"finish_reason\":null}]}\n\n";
    }
}
