package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.eliza.sdk.testkit.PluginHarness;
import dev.eliza.sdk.testkit.TestResponse;

/** The routes answer in memory, at the paths the server serves them at. */
class HelloRoutesTest {
    @Test
    void saysHello() throws Exception {
        try (PluginHarness plugin = PluginHarness.forPlugin("${pluginId}").extensions(new HelloRoutes()).start()) {
            TestResponse response = plugin.get("/api/plugins/${pluginId}/hello");
            assertEquals(200, response.status());
            assertEquals("Hello from ${pluginId}", response.json().path("message").asText());
        }
    }

    @Test
    void usesTheGreetingSetting() throws Exception {
        try (PluginHarness plugin = PluginHarness.forPlugin("${pluginId}").setting("greeting", "Hi")
                .extensions(new HelloRoutes()).start()) {
            assertEquals("Hi from ${pluginId}", plugin.get("/api/plugins/${pluginId}/hello").json()
                    .path("message").asText());
        }
    }
}
