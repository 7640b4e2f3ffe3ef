package dev.eliza.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class AsyncApiBuilderTest {
    private final JsonNode doc = new AsyncApiBuilder("2.0.0").build(List.of("2", "subscribe_logs", "1"));

    @Test
    void isAnAsyncApi3DocumentOfOneSocketIoChannel() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.path("info").path("version").asText()).isEqualTo("2.0.0");
        assertThat(doc.path("channels").path(AsyncApiBuilder.CHANNEL).path("address").asText())
                .isEqualTo("/socket.io/");
    }

    @Test
    void everyReferenceResolvesInsideTheDocument() {
        doc.path("operations").forEach(operation -> {
            assertThat(resolve(operation.path("channel").path("$ref").asText()).isObject()).isTrue();
            JsonNode message = resolve(operation.path("messages").get(0).path("$ref").asText());
            JsonNode target = resolve(message.path("$ref").asText());
            assertThat(target.path("payload").isObject()).as(message.toString()).isTrue();
        });
    }

    @Test
    void clientEventsCarryTheirKnownPayloadsAndTheServerSendsItsCatalogue() {
        JsonNode send = doc.path("components").path("messages").path("client.2").path("payload");
        assertThat(send.path("required").toString()).contains("senderId", "message", "messageServerId");
        assertThat(ApiCatalogueTest.receivedEvents(doc)).containsExactly("1", "2", "subscribe_logs");
        assertThat(doc.path("operations").path("server.messageBroadcast").path("action").asText()).isEqualTo("send");
        assertThat(doc.path("components").path("messages").path("server.messageStreamChunk").path("payload")
                .path("properties").has("chunk")).isTrue();
        assertThat(doc.path("operations").has("server.connection_established")).isTrue();
    }

    private JsonNode resolve(String ref) {
        assertThat(ref).startsWith("#/");
        JsonNode node = doc;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        assertThat(node.isMissingNode()).as(ref).isFalse();
        return node;
    }
}
