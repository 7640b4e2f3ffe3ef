package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The memory domain in the real zip: the {@code @elizaos/api-client} memory service ({@code memory.test.mjs});
 * semantic search with the built-in all-MiniLM-L6-v2 model over a small fixed corpus, where a paraphrase finds
 * the memory it means first; export, delete, import giving back the same memories; and a restart, after which the
 * index rebuilt from PostgreSQL answers every search as before.
 */
class MemoryIT {
    /** Each memory, and a question meaning it in other words. */
    private static final Map<String, String> CORPUS = new LinkedHashMap<>();

    static {
        CORPUS.put("My sister Anna lives in Berlin and works as an architect.", "Where does my sibling live?");
        CORPUS.put("I'm allergic to peanuts, so never suggest recipes with nuts.", "Do I have any food allergies?");
        CORPUS.put("Our flight to Tokyo leaves on March 3rd at nine in the morning.", "When is the trip to Japan?");
        CORPUS.put("My favourite band is Radiohead; I saw them live in 2017.", "What music do I enjoy?");
        CORPUS.put("I drive a blue Toyota Corolla that I bought last year.", "What car do I own?");
        CORPUS.put("The wifi password at the office is taped under the router.",
                "How do I get the internet login at work?");
        CORPUS.put("I run five kilometres every Sunday morning in the park.", "What exercise do I do on weekends?");
        CORPUS.put("My cat Whiskers is fourteen years old and sleeps all day.", "Tell me about my pet.");
        CORPUS.put("I am learning Spanish with an app for twenty minutes a day.", "Which language am I studying?");
        CORPUS.put("The quarterly budget report is due to finance next Friday.",
                "When is the deadline for the financial document?");
        CORPUS.put("I can't stand horror movies; comedies are more my thing.", "What kind of films do I like?");
        CORPUS.put("My dentist appointment got moved to Thursday afternoon.",
                "When do I see the doctor for my teeth?");
    }

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    @Test
    void theApiClientMemoryServiceWorksAgainstIt() throws Exception {
        NodeTests.Result result = NodeTests.run("memory.test.mjs", Map.of("BASE_URL", "http://127.0.0.1:"
                + PLATFORM.process().port()));
        System.out.println(result.output());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("ℹ fail 0");
    }

    @Test
    void searchIsSemanticAndAnswersTheSameAfterExportImportAndRestart() throws Exception {
        Http http = PLATFORM.http();
        String agentId = http.json("POST", "/api/agents", "{\"agent\":{\"name\":\"Recall\",\"bio\":[\"Knows.\"]}}")
                .json().at("/data/id").asText();
        String base = "/api/memory/" + agentId;
        long createdAt = 1_795_452_565_000L;
        for (String text : CORPUS.keySet()) {
            Http.Reply created = http.json("POST", base + "/memories", "{\"content\":{\"text\":\"" + text
                    + "\"},\"createdAt\":" + createdAt++ + "}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        Awaits.until(Duration.ofSeconds(60), "every memory embedded", () ->
                http.get(base + "/stats").json().at("/data/embedded").asInt() == CORPUS.size());
        // the worker indexes a batch just after it commits it: the search index can trail the count a moment
        Awaits.until(Duration.ofSeconds(30), "every memory indexed", () -> http.get(base + "/memories/search?limit="
                + CORPUS.size() + "&threshold=-1&q=x").json().at("/data/memories").size() == CORPUS.size());

        Map<String, String> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : CORPUS.entrySet()) {
            JsonNode hits = search(http, base, entry.getValue());
            assertThat(hits.at("/0/content/text").asText()).as(entry.getValue()).isEqualTo(entry.getKey());
            answers.put(entry.getValue(), hits.toString());
        }
        assertThat(PLATFORM.http().get("/api/server/health").json().path("memorySearch").asText())
                .isEqualTo("in-memory");

        Http.Reply exported = http.get(base + "/export");
        assertThat(exported.status()).isEqualTo(200);
        JsonNode memories = exported.json().at("/data/memories");
        assertThat(memories).hasSize(CORPUS.size());
        assertThat(memories.get(0).path("embedding")).hasSize(384);
        assertThat(http.delete(base + "/memories").json().at("/data/deleted").asInt()).isEqualTo(CORPUS.size());
        assertThat(search(http, base, "Tell me about my pet.")).isEmpty();
        Http.Reply imported = http.json("POST", base + "/import", exported.body());
        assertThat(imported.body()).isEqualTo("{\"success\":true,\"data\":{\"imported\":12,\"skipped\":0,"
                + "\"reembedding\":0}}");
        assertThat(http.get(base + "/export").json().at("/data/memories")).isEqualTo(memories);
        assertSameAnswers(http, base, answers);

        PLATFORM.process().stop();
        PLATFORM.process().restart();
        assertThat(PLATFORM.process().console()).contains("Memory index (in-memory) rebuilt from PostgreSQL");
        assertSameAnswers(PLATFORM.http(), base, answers);
    }

    @Test
    void anAgentCreatedAgainWithTheIdOfADeletedOneFindsNoneOfItsMemoriesOrRooms() throws Exception {
        Http http = PLATFORM.http();
        String agent = "{\"agent\":{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"name\":\"Phoenix\"}}";
        String agentId = http.json("POST", "/api/agents", agent).json().at("/data/id").asText();
        String base = "/api/memory/" + agentId;
        assertThat(http.json("POST", base + "/memories", "{\"content\":{\"text\":\"a secret of the first life\"}}")
                .status()).isEqualTo(201);
        assertThat(http.json("POST", "/api/rooms/" + agentId, "{\"name\":\"First life\"}").status()).isEqualTo(201);
        assertThat(http.delete("/api/agents/" + agentId).status()).isEqualTo(204);
        assertThat(http.json("POST", "/api/agents", agent).status()).isEqualTo(201);
        Awaits.until(Duration.ofSeconds(30), "the first life's memories and rooms to be gone", () ->
                http.get(base + "/memories").json().at("/data/memories").isEmpty()
                        && !http.get("/api/rooms/" + agentId).body().contains("First life"));
    }

    private static void assertSameAnswers(Http http, String base, Map<String, String> answers) throws Exception {
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            assertThat(search(http, base, answer.getKey()).toString()).as(answer.getKey())
                    .isEqualTo(answer.getValue());
        }
    }

    private static JsonNode search(Http http, String base, String query) throws Exception {
        Http.Reply reply = http.get(base + "/memories/search?limit=3&q=" + URLEncoder.encode(query,
                StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().at("/data/memories");
    }
}
