package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** A plugin sees the SDK surface and the JDK, and none of the platform it runs in. */
class PluginIsolationIT {
    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    @Test
    void aPluginCannotLoadPlatformClasses() throws Exception {
        Http http = PLATFORM.http();
        Http.Reply upload = http.bytes("POST", "/api/plugins", "application/java-archive",
                ModuleJars.testPlugin("peek", "PeekingRoutes"));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        Http.Reply classes = http.get("/api/plugins/peek/classes");
        assertThat(classes.status()).as(classes.body()).isEqualTo(200);
        JsonNode seen = classes.json();
        for (String platform : new String[] {"org.osgi.framework.Bundle", "dev.eliza.persistence.api.Database",
                "dev.eliza.agents.api.AgentDirectory", "dev.eliza.pluginhost.PluginHostComponent",
                "org.slf4j.Logger"}) {
            assertThat(seen.path(platform).asText()).as(platform).isEqualTo("ClassNotFoundException");
        }
        for (String allowed : new String[] {"dev.eliza.sdk.PluginContext", "jakarta.ws.rs.core.Response",
                "java.sql.Connection"}) {
            assertThat(seen.path(allowed).asText()).as(allowed).isEqualTo("loaded");
        }
        assertThat(http.delete("/api/plugins/peek").status()).isEqualTo(204);
    }
}
