package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sessions API on the real platform, sharing one server: every call of the real {@code @elizaos/api-client}
 * {@code sessions} service from a node test, a hard kill and a start on the same home in the middle of a session
 * (which continues), and an SSE stream read by a real HTTP client.
 */
class SessionsIT {
    private static final Pattern PRINTED = Pattern.compile("(AGENT_ID|SESSION_ID)=([0-9a-f-]{36})");

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    @Test
    void theApiClientTalksInASessionThatSurvivesAHardKill() throws Exception {
        NodeTests.Result first = NodeTests.run("sessions.test.mjs", Map.of("BASE_URL", base(), "STAGE", "first"));
        System.out.println(first.output());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("ℹ fail 0");
        Map<String, String> ids = printedIds(first.output());

        PLATFORM.process().kill();
        PLATFORM.process().restart();

        NodeTests.Result after = NodeTests.run("sessions.test.mjs", Map.of("BASE_URL", base(), "STAGE",
                "after-restart", "AGENT_ID", ids.get("AGENT_ID"), "SESSION_ID", ids.get("SESSION_ID")));
        System.out.println(after.output());
        assertThat(after.exitCode()).as(after.output()).isZero();
        assertThat(after.output()).contains("ℹ fail 0");
    }

    @Test
    void anSseMessageStreamsTheUserMessageTheReplysChunksAndDone() throws Exception {
        Http http = PLATFORM.http();
        String agentId = http.json("POST", "/api/agents", "{\"agent\":{\"name\":\"Streamer\",\"bio\":[\"Streams.\"]}}")
                .json().at("/data/id").asText();
        assertThat(http.json("POST", "/api/agents/" + agentId + "/start", "").status()).isEqualTo(200);
        Http.Reply created = http.json("POST", "/api/messaging/sessions", "{\"agentId\":\"" + agentId
                + "\",\"userId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String sessionId = created.json().get("sessionId").asText();

        HttpRequest request = HttpRequest.newBuilder(PLATFORM.process().uri("/api/messaging/sessions/" + sessionId
                        + "/messages")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"Tell me a story.\",\"transport\":\"sse\"}"))
                .build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> events = new ArrayList<>();
        StringBuilder chunks = new StringBuilder();
        String done = "";
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                    events.add(event);
                } else if (line.startsWith("data: ") && "chunk".equals(event)) {
                    chunks.append(Http.JSON.readTree(line.substring(6)).get("chunk").asText());
                } else if (line.startsWith("data: ") && "done".equals(event)) {
                    done = line.substring(6);
                }
            }
        }
        assertThat(events.get(0)).isEqualTo("user_message");
        assertThat(events).contains("chunk").last().isEqualTo("done");
        String text = Http.JSON.readTree(done).get("text").asText();
        assertThat(text).isNotBlank();
        assertThat(chunks.toString().trim()).isEqualTo(text.trim());
    }

    private static String base() {
        return "http://127.0.0.1:" + PLATFORM.process().port();
    }

    private static Map<String, String> printedIds(String output) {
        Matcher matcher = PRINTED.matcher(output);
        Map<String, String> ids = new HashMap<>();
        while (matcher.find()) {
            ids.put(matcher.group(1), matcher.group(2));
        }
        assertThat(ids).containsKeys("AGENT_ID", "SESSION_ID");
        return ids;
    }
}
