package dev.eliza.providers.anthropic;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicProviderTest {
    private static final String KEY = "sk-ant-test-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeServer fake = new FakeServer();
    private final AnthropicProvider provider = new AnthropicProvider(Duration.ofSeconds(10));

    AnthropicProviderTest() throws Exception {
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void streamsTextDeltasAndSendsSystemModelAndKey() throws Exception {
        fake.answer("/v1/messages", 200, "text/event-stream",
                event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"model\":\"haiku-test\",\"content\":[],\"stop_reason\":null,"
                        + "\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}"),
                event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                delta("Hel"), delta("lo there"),
                event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":3}}"),
                event("message_stop", "{\"type\":\"message_stop\"}"));
        List<String> chunks = new ArrayList<>();

        TextResult result = provider.generate(request(ModelClass.TEXT_SMALL, settings()), chunks::add);

        assertThat(chunks).containsExactly("Hel", "lo there");
        assertThat(result.text()).isEqualTo("Hello there");
        assertThat(result.promptTokens()).isEqualTo(12);
        assertThat(result.completionTokens()).isEqualTo(3);
        FakeServer.Request got = fake.requests().get(0);
        assertThat(got.path()).isEqualTo("/v1/messages");
        assertThat(got.header("x-api-key")).isEqualTo(KEY);
        assertThat(got.header("anthropic-version")).isNotBlank();
        JsonNode body = JSON.readTree(got.body());
        assertThat(body.get("model").asText()).isEqualTo("haiku-test");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(100);
        assertThat(body.get("system").toString()).contains("You are Eliza.");
        assertThat(body.get("messages").findValuesAsText("role")).containsExactly("user", "assistant", "user");
        assertThat(body.get("messages").toString()).contains("Ann: hi", "how are you?");
    }

    @Test
    void theLargeModelServesLargeRequests() throws Exception {
        fake.answer("/v1/messages", 200, "text/event-stream", delta("ok"),
                event("message_stop", "{\"type\":\"message_stop\"}"));

        provider.generate(request(ModelClass.TEXT_LARGE, settings()), chunk -> { });

        assertThat(JSON.readTree(fake.requests().get(0).body()).get("model").asText()).isEqualTo("sonnet-test");
    }

    @Test
    void thereIsNoEmbeddingModel() {
        ModelProviderException e = catchThrowableOfType(ModelProviderException.class,
                () -> provider.embed("hello", settings()));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("no embedding model");
    }

    @Test
    void aMissingKeyIsNotRetryableAndNamesTheVariable() {
        Map<String, String> values = new HashMap<>(settings().values());
        values.remove("ANTHROPIC_API_KEY");

        ModelProviderException e = catchThrowableOfType(ModelProviderException.class,
                () -> provider.generate(request(ModelClass.TEXT_SMALL, new ProviderSettings(values)), c -> { }));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("ANTHROPIC_API_KEY");
        assertThat(fake.requests()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"401,false", "403,false", "404,false", "400,false", "429,true", "500,true", "529,true"})
    void httpErrorsAreClassifiedAndNeverCarryTheKey(int status, boolean retryable) {
        fake.answer("/v1/messages", status, "application/json",
                "{\"type\":\"error\",\"error\":{\"type\":\"x\",\"message\":\"bad key " + KEY + "\"}}");

        ModelProviderException e = catchThrowableOfType(ModelProviderException.class,
                () -> provider.generate(request(ModelClass.TEXT_SMALL, settings()), c -> { }));

        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains(String.valueOf(status)).doesNotContain(KEY);
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> values = new HashMap<>(settings().values());
        values.put("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + closedPort + "/v1");

        ModelProviderException e = catchThrowableOfType(ModelProviderException.class,
                () -> provider.generate(request(ModelClass.TEXT_SMALL, new ProviderSettings(values)), c -> { }));

        assertThat(e.retryable()).isTrue();
    }

    private ProviderSettings settings() {
        return new ProviderSettings(Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL", fake.url() + "/v1",
                "ANTHROPIC_SMALL_MODEL", "haiku-test", "ANTHROPIC_LARGE_MODEL", "sonnet-test"));
    }

    private static TextRequest request(ModelClass modelClass, ProviderSettings settings) {
        return new TextRequest(UUID.randomUUID(), TextRequest.Purpose.REPLY, modelClass, "You are Eliza.",
                List.of(new ChatTurn(ChatTurn.Role.USER, "Ann", "hi"), new ChatTurn(ChatTurn.Role.ASSISTANT, "", "Hello.")),
                "how are you?", 100, 0.2, settings);
    }

    private static String delta(String text) {
        return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}");
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }
}
