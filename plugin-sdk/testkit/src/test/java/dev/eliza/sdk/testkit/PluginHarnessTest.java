package dev.eliza.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.eliza.sdk.AgentEvent;
import dev.eliza.sdk.testkit.sample.SamplePlugin;

class PluginHarnessTest {
    private final UUID listing = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    private PluginHarness start() throws Exception {
        return PluginHarness.forPlugin("sample").setting("greeting", "Bonjour")
                .agent(listing, "Ada", "sample").agent(other, "Bob")
                .extensions(new SamplePlugin.Routes(), new SamplePlugin.PerAgent(), new SamplePlugin.Announcer(),
                        new SamplePlugin.Marker())
                .start();
    }

    @Test
    void globalRoutesAnswerAtTheServersPathsWithTheSettingsAndStore() throws Exception {
        try (PluginHarness plugin = start()) {
            TestResponse greeting = plugin.get("/api/plugins/sample/greeting");
            assertThat(greeting.status()).isEqualTo(200);
            assertThat(greeting.header("content-type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
            assertThat(greeting.json().path("message").asText()).isEqualTo("Bonjour");
            assertThat(plugin.post("/api/plugins/sample/greeting/count", "").json().path("count").asLong()).isOne();
            assertThat(plugin.post("/api/plugins/sample/greeting/count", "").json().path("count").asLong())
                    .isEqualTo(2);
            assertThat(plugin.store().asMap()).containsEntry("count", "2");
            assertThat(plugin.get("/api/plugins/sample/nothing").status()).isEqualTo(404);
            assertThat(plugin.get("/api/plugins/other/greeting").status()).isEqualTo(404);
        }
    }

    @Test
    void agentRoutesAnswerOnlyForAgentsListingThePluginInBothForms() throws Exception {
        try (PluginHarness plugin = start()) {
            TestResponse served = plugin.get("/api/agents/" + listing + "/plugins/weather");
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.json().path("agentId").asText()).isEqualTo(listing.toString());
            assertThat(plugin.get("/weather?agentId=" + listing).json().path("sky").asText()).isEqualTo("clear");
            TestResponse refused = plugin.get("/api/agents/" + other + "/plugins/weather");
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.json().path("error").path("code").asText()).isEqualTo("NOT_FOUND");
            assertThat(plugin.get("/api/agents/not-an-id/plugins/weather").status()).isEqualTo(400);
            assertThat(plugin.get("/weather").status()).isEqualTo(404);
        }
    }

    @Test
    void listenersHearEventsAndServicesStartAndStop() throws Exception {
        PluginHarness plugin = start();
        assertThat(plugin.store().get("state")).contains("started");
        plugin.agentStarted(new AgentEvent(listing, "Ada", Instant.now()));
        assertThat(plugin.sentMessages()).singleElement().satisfies(message -> {
            assertThat(message.authorId()).isEqualTo(listing);
            assertThat(message.text()).isEqualTo("Ada is online");
        });
        assertThat(plugin.context().agents().find(listing)).hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("Ada"));
        plugin.close();
        assertThat(plugin.store().get("state")).contains("stopped");
    }

    @Test
    void theStoreKeepsThePlatformSemantics() {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        assertThat(store.increment("n", 5)).isEqualTo(5);
        assertThat(store.remove("n")).isTrue();
        assertThat(store.remove("n")).isFalse();
        store.put("text", "abc");
        assertThatThrownBy(() -> store.increment("text", 1)).isInstanceOf(IllegalStateException.class);
    }
}
