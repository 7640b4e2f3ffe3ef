package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform started with {@code LOG_FORMAT=json} and an API key: every line of {@code logs/platform.log} is a JSON
 * object, each request has one access line carrying the id its response header gave, the domain that served it, its
 * status and duration; no line holds the API key or a query string.
 */
class LoggingIT {
    private static final String KEY = "logging-it-secret-key";
    private static final String QUERY_SECRET = "query-secret-value";

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(
            PlatformProcess.env("LOG_FORMAT", "json", "ELIZA_SERVER_AUTH_TOKEN", KEY), KEY);

    @Test
    void requestsGetOneJsonAccessLineEachAndNoSecretIsLogged() throws Exception {
        Http http = PLATFORM.http();
        Http.Reply agents = http.get("/api/agents?token=" + QUERY_SECRET);
        assertThat(agents.status()).as(agents.body()).isEqualTo(200);
        String id = agents.header("X-Request-Id");
        assertThat(id).isNotBlank();
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                PLATFORM.process().uri("/api/agents")).header("X-Request-Id", "logging-it-refused").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);

        Awaits.until(Duration.ofSeconds(10), "both access lines in logs/platform.log",
                () -> access(id).isPresent() && access("logging-it-refused").isPresent());
        JsonNode served = access(id).orElseThrow().path("mdc");
        assertThat(served.path("domain").asText()).isEqualTo("agents");
        assertThat(served.path("method").asText()).isEqualTo("GET");
        assertThat(served.path("path").asText()).isEqualTo("/api/agents");
        assertThat(served.path("status").asText()).isEqualTo("200");
        assertThat(Long.parseLong(served.path("durationMs").asText())).isNotNegative();
        assertThat(Long.parseLong(served.path("bytes").asText())).isPositive();
        JsonNode unauthorised = access("logging-it-refused").orElseThrow().path("mdc");
        assertThat(unauthorised.path("status").asText()).isEqualTo("401");
        assertThat(unauthorised.path("domain").asText()).as("refused before any domain").isEqualTo("-");

        List<String> raw = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
        assertThat(raw).hasSizeGreaterThan(10).noneMatch(line -> line.contains(KEY))
                .noneMatch(line -> line.contains(QUERY_SECRET));
        // every line of the file as read is JSON (the file grows meanwhile: it is not read a second time)
        assertThat(parsed(raw)).anySatisfy(line ->
                assertThat(line.path("formattedMessage").asText()).contains("Eliza server ready in"));
    }

    @Test
    void theLogsApiStillReadsThePlatformsRecordsWithoutTheAccessLines() throws Exception {
        Http http = PLATFORM.http();
        String id = http.get("/api/agents").header("X-Request-Id");
        Awaits.until(Duration.ofSeconds(10), "the access line", () -> access(id).isPresent());
        Http.Reply logs = http.get("/api/server/logs?limit=1000");
        assertThat(logs.status()).as(logs.body()).isEqualTo(200);
        List<String> messages = logs.json().path("logs").findValuesAsText("msg");
        assertThat(messages).isNotEmpty().noneMatch(message -> message.startsWith("GET /api/"));
    }

    private static Optional<JsonNode> access(String requestId) throws Exception {
        return lines().stream().filter(line -> line.path("loggerName").asText().equals("eliza.access"))
                .filter(line -> line.at("/mdc/requestId").asText().equals(requestId)).findFirst();
    }

    private static List<JsonNode> lines() throws Exception {
        return parsed(Files.readAllLines(logFile(), StandardCharsets.UTF_8));
    }

    private static List<JsonNode> parsed(List<String> lines) throws Exception {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            parsed.add(Http.JSON.readTree(line));
        }
        return parsed;
    }

    private static Path logFile() {
        return PLATFORM.home().resolve("logs/platform.log");
    }
}
