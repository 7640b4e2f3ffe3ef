package dev.eliza.server.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Filter;

import dev.eliza.http.api.DomainContribution;
import dev.eliza.http.testing.ResourceSlice;

class PingFilterSliceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_795_452_530_914L), ZoneOffset.UTC);

    private final FakePlatform platform = new FakePlatform();
    private final HealthReports reports = new HealthReports(platform, CLOCK);

    @Test
    void aGetIsAnsweredByTheFilterItselfAndAnythingElseGoesOn() throws Exception {
        // no JAX-RS ping here: a pong can only come from the filter, and a POST only from what is behind it
        try (ResourceSlice slice = ResourceSlice.of(contribution(new RootHealthResource(reports)))) {
            HttpTester.Response ping = slice.get(PingFilter.PATH + "?cache=1");
            assertThat(ping.getStatus()).isEqualTo(200);
            assertThat(ping.get("Content-Type")).isEqualTo("application/json");
            assertThat(ping.getContent()).isEqualTo("{\"pong\":true,\"timestamp\":1795452530914}");
            assertThat(ping.get("Content-Length")).isEqualTo(String.valueOf(ping.getContent().length()));
            assertThat(slice.json("POST", PingFilter.PATH, "{}").getStatus()).isEqualTo(404);
            assertThat(slice.get(PingFilter.PATH + "/more").getStatus()).isEqualTo(404);
        }
    }

    @Test
    void withTheResourceBehindItTheRouteAnswersAsJaxRsDoes() throws Exception {
        try (ResourceSlice slice = ResourceSlice.of(contribution(new ServerResource(reports, platform)))) {
            JsonNode pong = JSON.readTree(slice.get(PingFilter.PATH).getContent());
            assertThat(pong.path("pong").asBoolean()).isTrue();
            assertThat(pong.path("timestamp").asLong()).isEqualTo(CLOCK.millis());
            HttpTester.Response post = slice.json("POST", PingFilter.PATH, "{}");
            assertThat(post.getStatus()).isEqualTo(405);
            assertThat(JSON.readTree(post.getContent()).path("error").path("code").asText())
                    .isEqualTo("METHOD_NOT_ALLOWED");
            assertThat(slice.send("OPTIONS", PingFilter.PATH, null, null).get("Allow")).contains("GET");
        }
    }

    private DomainContribution contribution(Object resource) {
        Map<String, Filter> filters = Map.of(PingFilter.PATH, new PingFilter(reports));
        return new DomainContribution() {
            @Override
            public String domain() {
                return "server";
            }

            @Override
            public List<String> pathPrefixes() {
                return List.of("/api/server", "/health");
            }

            @Override
            public Set<Object> resources() {
                return Set.of(resource);
            }

            @Override
            public Map<String, Filter> filters() {
                return filters;
            }
        };
    }
}
