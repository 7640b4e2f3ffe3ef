package dev.eliza.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ErrorEnvelopeSliceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ResourceSlice slice;

    @BeforeAll
    static void start() throws Exception {
        slice = ResourceSlice.of(new EnvelopeResources.Standard(), new EnvelopeResources.Plain(),
                new EnvelopeResources.Sessions());
    }

    @AfterAll
    static void stop() throws Exception {
        slice.close();
    }

    @Test
    void recordsAreWrittenAsJson() throws Exception {
        assertThat(slice.get("/api/standard/record").getContent()).isEqualTo("{\"name\":\"a\",\"count\":2}");
    }

    @Test
    void apiExceptionsUseTheFamilyEnvelope() throws Exception {
        HttpTester.Response standard = slice.get("/api/standard/refuse");
        assertThat(standard.getStatus()).isEqualTo(400);
        assertThat(standard.getContent()).isEqualTo("{\"success\":false,\"error\":{\"code\":\"INVALID_ID\","
                + "\"message\":\"Invalid agent ID format\",\"details\":\"see docs\"}}");
        assertThat(slice.get("/api/plain").getContent())
                .isEqualTo("{\"success\":false,\"error\":\"channelId is required\"}");
        HttpTester.Response sessions = slice.get("/api/sessions");
        assertThat(sessions.getStatus()).isEqualTo(410);
        JsonNode body = JSON.readTree(sessions.getContent());
        assertThat(body.has("success")).isFalse();
        assertThat(body.path("error").path("code").asText()).isEqualTo("SESSION_EXPIRED");
        assertThat(body.path("error").path("timestamp").asText()).isNotBlank();
    }

    @Test
    void anUnexpectedFailureIs500WithAnErrorIdAndNoInternals() throws Exception {
        HttpTester.Response response = slice.get("/api/standard/boom");
        assertThat(response.getStatus()).isEqualTo(500);
        JsonNode error = JSON.readTree(response.getContent()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(error.path("details").path("errorId").asText()).hasSize(36);
        assertThat(response.getContent()).doesNotContain("exploded", "Exception", "at dev.");
    }

    @Test
    void clientMistakesAreFourHundredsInTheEnvelope() throws Exception {
        assertThat(code(slice.json("POST", "/api/standard/echo", "{\"a\":"))).isEqualTo("INVALID_JSON");
        HttpTester.Response wrongType = slice.send("POST", "/api/standard/echo", "text/plain", "x=1");
        assertThat(wrongType.getStatus()).isEqualTo(415);
        assertThat(code(wrongType)).isEqualTo("INVALID_CONTENT_TYPE");
        HttpTester.Response wrongMethod = slice.delete("/api/standard/record");
        assertThat(wrongMethod.getStatus()).isEqualTo(405);
        assertThat(code(wrongMethod)).isEqualTo("METHOD_NOT_ALLOWED");
        HttpTester.Response unknown = slice.get("/api/standard/nothing");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContent())
                .isEqualTo("{\"success\":false,\"error\":{\"message\":\"API endpoint not found\",\"code\":404}}");
    }

    @Test
    void anEmptyJsonBodyArrivesAsNull() throws Exception {
        assertThat(slice.json("POST", "/api/standard/echo", "").getContent()).isEqualTo("{\"wasNull\":true}");
        assertThat(slice.json("POST", "/api/standard/echo", "{}").getContent()).isEqualTo("{\"wasNull\":false}");
    }

    private static String code(HttpTester.Response response) throws Exception {
        return JSON.readTree(response.getContent()).path("error").path("code").asText();
    }
}
