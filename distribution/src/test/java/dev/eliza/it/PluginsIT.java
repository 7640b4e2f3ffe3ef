package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The example plugin shipped in {@code plugins/} is loaded by PF4J inside Felix and its route is served; the route
 * table shows platform and plugin routes with their owners.
 */
class PluginsIT {
    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(PlatformProcess.env(
            "PLUGIN_HELLO_GREETING", "Bonjour"));

    @Test
    void theShippedPluginIsListedAndServesItsRouteWithItsSettings() throws Exception {
        Http http = PLATFORM.http();
        JsonNode plugins = http.get("/api/plugins").json().path("data").path("plugins");
        assertThat(plugins.findValuesAsText("id")).containsExactlyInAnyOrder("hello", "event-log");
        JsonNode plugin = http.get("/api/plugins/hello").json().path("data");
        assertThat(plugin.path("state").asText()).isEqualTo("STARTED");
        assertThat(plugin.path("routes").toString()).contains("/api/plugins/hello");
        Http.Reply greeting = http.get("/api/plugins/hello/greeting?name=Ada");
        assertThat(greeting.status()).isEqualTo(200);
        assertThat(greeting.body()).isEqualTo("{\"message\":\"Bonjour, Ada!\"}");
        Http.Reply unknown = http.get("/api/plugins/hello/nothing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(http.get("/api/plugins/nobody/greeting").status()).isEqualTo(404);
    }

    @Test
    void bothFormsOfAnAgentRouteAreHeldWhileThePluginReloads() throws Exception {
        Http http = PLATFORM.http();
        String listing = http.json("POST", "/api/agents", "{\"characterJson\":{\"name\":\"Reloading\","
                + "\"plugins\":[\"hello\"]}}").json().path("data").path("id").asText();
        List<String> paths = List.of("/api/agents/" + listing + "/plugins/hello", "/hello?agentId=" + listing);
        LoadClient load = new LoadClient(PLATFORM.process(), paths, 2);
        try (load) {
            for (int i = 0; i < 3; i++) {
                Http.Reply reloaded = http.json("POST", "/api/plugins/hello/reload", "");
                assertThat(reloaded.status()).as(reloaded.body()).isEqualTo(200);
            }
        }
        for (String path : paths) {
            assertThat(load.count(path, "2xx")).as(path).isPositive();
            assertThat(load.failures(path)).as("failed requests to " + path + ": " + load.counts()).isZero();
        }
    }

    @Test
    void agentRoutesAnswerOnlyForAgentsThatListThePlugin() throws Exception {
        Http http = PLATFORM.http();
        String listing = http.json("POST", "/api/agents", "{\"characterJson\":{\"name\":\"WithHello\","
                + "\"plugins\":[\"hello\"]}}").json().path("data").path("id").asText();
        String other = http.json("POST", "/api/agents", "{\"characterJson\":{\"name\":\"Plain\","
                + "\"plugins\":[]}}").json().path("data").path("id").asText();
        Http.Reply served = http.get("/api/agents/" + listing + "/plugins/hello");
        assertThat(served.status()).as(served.body()).isEqualTo(200);
        assertThat(served.json().path("agentId").asText()).isEqualTo(listing);
        assertThat(served.json().path("message").asText()).isEqualTo("Bonjour from your agent");
        Http.Reply refused = http.get("/api/agents/" + other + "/plugins/hello");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().path("error").path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(http.get("/api/agents/" + listing + "/plugins/nothing").status()).isEqualTo(404);
        assertThat(http.get("/api/agents/not-a-uuid/plugins/hello").json().path("error").path("code").asText())
                .isEqualTo("INVALID_ID");
        assertThat(http.get("/api/agents/" + listing).status()).isEqualTo(200);
        assertThat(http.get("/api/plugins/hello").json().path("data").path("routes").toString())
                .contains("/api/agents/{agentId}/plugins/hello", "/hello?agentId={agentId}");
    }

    @Test
    void agentRoutesAlsoAnswerInTheirQueryForm() throws Exception {
        Http http = PLATFORM.http();
        String listing = http.json("POST", "/api/agents", "{\"characterJson\":{\"name\":\"Queried\","
                + "\"plugins\":[\"hello\"]}}").json().path("data").path("id").asText();
        String other = http.json("POST", "/api/agents", "{\"characterJson\":{\"name\":\"Unlisted\"}}").json()
                .path("data").path("id").asText();
        Http.Reply served = http.get("/hello?agentId=" + listing);
        assertThat(served.status()).as(served.body()).isEqualTo(200);
        assertThat(served.json().path("agentId").asText()).isEqualTo(listing);
        assertThat(http.get("/hello?agentId=" + other).json().path("error").path("code").asText())
                .isEqualTo("NOT_FOUND");
        Http.Reply missing = http.get("/hello");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").path("code").asText()).isEqualTo("MISSING_AGENT_ID");
        assertThat(http.get("/hello?agentId=nope").json().path("error").path("code").asText())
                .isEqualTo("INVALID_ID");
    }

    @Test
    void thePersistedCounterSurvivesAReload() throws Exception {
        Http http = PLATFORM.http();
        long before = http.get("/api/plugins/hello/counter").json().path("count").asLong();
        assertThat(http.json("POST", "/api/plugins/hello/counter", "").json().path("count").asLong())
                .isEqualTo(before + 1);
        assertThat(http.json("POST", "/api/plugins/hello/counter", "").json().path("count").asLong())
                .isEqualTo(before + 2);
        assertThat(http.json("POST", "/api/plugins/hello/reload", "").status()).isEqualTo(200);
        assertThat(http.get("/api/plugins/hello/counter").json().path("count").asLong()).isEqualTo(before + 2);
    }

    @Test
    void theRouteTableNamesEveryOwner() throws Exception {
        JsonNode routes = PLATFORM.http().get("/api/server/routes").json().path("data").path("routes");
        assertThat(routes.toString()).contains(
                "{\"path\":\"/api/agents\",\"domain\":\"agents\",\"owner\":\"agents-impl\"}",
                "{\"path\":\"/api/plugins/hello\",\"domain\":\"plugin:hello\",\"owner\":\"plugin-host\"}",
                "{\"path\":\"/socket.io\",\"domain\":\"realtime\",\"owner\":\"realtime\"}",
                "{\"path\":\"/api/server/routes\",\"domain\":\"platform\",\"owner\":\"http\"}");
    }
}
