package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** Agents CRUD against the real platform and its PostgreSQL, with the shapes of the 1.7.2 captures. */
class AgentsIT {
    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(PlatformProcess.env());
    static PlatformProcess platform;
    static Http http;

    @BeforeAll
    static void client() {
        platform = PLATFORM.process();
        http = PLATFORM.http();
    }

    @Test
    void createReadUpdateDelete() throws Exception {
        String id = "b85990b2-fd94-4d10-aa2e-3fa7eacf16c1";
        Http.Reply created = http.json("POST", "/api/agents", "{\"characterJson\":{\"id\":\"" + id
                + "\",\"name\":\"WireAgent\",\"bio\":[\"created by capture-wire\"],\"plugins\":[\"p\"],"
                + "\"settings\":{\"secrets\":{\"TOKEN\":\"s3cret\"}},\"mood\":\"curious\"}}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode data = created.json().get("data");
        assertThat(data.get("id").asText()).isEqualTo(id);
        assertThat(data.path("character").path("name").asText()).isEqualTo("WireAgent");
        String storedSecret = data.path("character").path("settings").path("secrets").path("TOKEN").asText();
        assertThat(storedSecret).isNotEqualTo("s3cret").matches("[0-9a-f]{24}:[0-9a-f]+");

        JsonNode agent = http.get("/api/agents/" + id).json().get("data");
        assertThat(agent.get("name").asText()).isEqualTo("WireAgent");
        assertThat(agent.get("mood").asText()).isEqualTo("curious");
        assertThat(agent.get("enabled").asBoolean()).isTrue();
        assertThat(agent.get("createdAt").isNumber()).isTrue();
        assertThat(agent.toString()).doesNotContain("s3cret");
        assertThat(agent.get("status").asText()).isEqualTo("inactive");

        JsonNode listed = http.get("/api/agents").json().path("data").path("agents");
        assertThat(listed.findValuesAsText("id")).contains(id);

        Http.Reply updated = http.json("PATCH", "/api/agents/" + id,
                "{\"system\":\"updated system prompt\",\"bio\":[\"updated bio\"]}");
        assertThat(updated.status()).isEqualTo(200);
        JsonNode after = updated.json().get("data");
        assertThat(after.get("system").asText()).isEqualTo("updated system prompt");
        assertThat(after.path("bio").get(0).asText()).isEqualTo("updated bio");
        assertThat(after.path("settings").path("secrets").path("TOKEN").asText()).isEqualTo(storedSecret);
        assertThat(after.get("updatedAt").asLong()).isGreaterThanOrEqualTo(after.get("createdAt").asLong());

        assertThat(http.delete("/api/agents/" + id).status()).isEqualTo(204);
        Http.Reply gone = http.delete("/api/agents/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\","
                + "\"message\":\"Agent not found\"}}");
    }

    @Test
    void sameIdAgainReplacesTheCharacterAsElizaDoes() throws Exception {
        String id = "0a4b2f3c-1111-4d10-aa2e-3fa7eacf16c1";
        http.json("POST", "/api/agents", "{\"agent\":{\"id\":\"" + id + "\",\"name\":\"Twice\",\"bio\":\"one\"}}");
        Http.Reply again = http.json("POST", "/api/agents", "{\"agent\":{\"id\":\"" + id
                + "\",\"name\":\"Twice\",\"bio\":[\"again\"]}}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(http.get("/api/agents/" + id).json().path("data").path("bio").get(0).asText()).isEqualTo("again");
    }

    @Test
    void mistakesAreRejectedWithTheirCodesAndChangeNothing() throws Exception {
        long before = http.get("/api/agents").json().path("data").path("agents").size();
        Http.Reply noBody = http.json("POST", "/api/agents", "{}");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.json().path("error").path("code").asText()).isEqualTo("CREATE_ERROR");
        Http.Reply noName = http.json("POST", "/api/agents", "{\"characterJson\":{\"bio\":\"no name\"}}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().path("error").path("message").asText())
                .isEqualTo("Character validation failed: name: Invalid input: expected string, received undefined");
        assertThat(http.get("/api/agents/not-a-uuid").json().path("error").path("code").asText())
                .isEqualTo("INVALID_ID");
        assertThat(http.json("PATCH", "/api/agents/xyz", "{\"name\":\"x\"}").status()).isEqualTo(400);
        assertThat(http.get("/api/agents/b23089a9-2a46-4b2f-b606-cc6fcf747923").status()).isEqualTo(404);
        assertThat(http.get("/api/agents").json().path("data").path("agents").size()).isEqualTo(before);

        String id = http.json("POST", "/api/agents", "{\"characterJson\":{\"name\":\"Keep\"}}").json()
                .path("data").path("id").asText();
        Http.Reply badPatch = http.json("PATCH", "/api/agents/" + id, "{\"name\":42}");
        assertThat(badPatch.status()).isEqualTo(400);
        assertThat(http.get("/api/agents/" + id).json().path("data").path("name").asText()).isEqualTo("Keep");
    }

    @Test
    void theListFollowsEveryWriteAtOnce() throws Exception {
        String id = http.json("POST", "/api/agents", "{\"characterJson\":{\"name\":\"Listed\"}}").json()
                .path("data").path("id").asText();
        assertThat(namesListed()).contains("Listed");
        assertThat(http.json("PATCH", "/api/agents/" + id, "{\"name\":\"Renamed\"}").status()).isEqualTo(200);
        assertThat(namesListed()).contains("Renamed").doesNotContain("Listed");
        assertThat(http.delete("/api/agents/" + id).status()).isEqualTo(204);
        assertThat(namesListed()).doesNotContain("Renamed");
    }

    @Test
    void concurrentChangesOfOneAgentAreAllKept() throws Exception {
        String id = http.json("POST", "/api/agents", "{\"characterJson\":{\"name\":\"Contended\"}}").json()
                .path("data").path("id").asText();
        int writers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    String key = "k" + round + "_" + i;
                    statuses.add(pool.submit(() -> {
                        start.await();
                        return http.json("PATCH", "/api/agents/" + id,
                                "{\"settings\":{\"" + key + "\":\"set\"}}").status();
                    }));
                }
                start.countDown();
                for (Future<Integer> status : statuses) {
                    assertThat(status.get()).isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode settings = http.get("/api/agents/" + id).json().path("data").path("settings");
        List<String> lost = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < writers; i++) {
                if (!settings.has("k" + round + "_" + i)) {
                    lost.add("k" + round + "_" + i);
                }
            }
        }
        assertThat(lost).as("settings lost to a concurrent PATCH").isEmpty();
    }

    private static List<String> namesListed() throws Exception {
        return http.get("/api/agents").json().path("data").path("agents").findValuesAsText("name");
    }
}
