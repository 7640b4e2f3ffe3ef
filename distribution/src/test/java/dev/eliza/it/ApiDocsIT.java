package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The API documents of the real platform: the OpenAPI document follows the domains mounted now (a stopped domain's
 * paths go, and come back with it), every documented operation answers as documented, the AsyncAPI document's
 * client events are the Socket.IO handlers registered now, and the Swagger UI page and its files are served.
 */
class ApiDocsIT {
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]+}");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    /** The client events the platform's bundles handle: messaging's and the realtime bundle's log streaming. */
    private static final Set<String> MESSAGING_EVENTS = Set.of("1", "2", "message", "join", "leave",
            "request-world-state");
    private static final Set<String> LOG_EVENTS = Set.of("subscribe_logs", "unsubscribe_logs", "update_log_filters");

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    private static JsonNode openApi() throws Exception {
        Http.Reply reply = PLATFORM.http().get("/api/openapi.json");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static Set<String> paths(JsonNode document) {
        Set<String> paths = new TreeSet<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    @Test
    void theOpenApiDocumentFollowsTheMountedDomains() throws Exception {
        JsonNode document = openApi();
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        Set<String> paths = paths(document);
        assertThat(paths).contains("/api/agents", "/api/agents/{agentId}", "/api/openapi.json", "/api/asyncapi.json");
        assertThat(paths).anyMatch(path -> path.startsWith("/api/messaging/channels"));
        assertThat(paths).anyMatch(path -> path.startsWith("/api/messaging/sessions"));
        assertThat(paths).anyMatch(path -> path.startsWith("/api/memory/"));
        assertThat(paths).as("the hello plugin's routes under its prefix")
                .anyMatch(path -> path.startsWith("/api/plugins/hello/"));

        Http http = PLATFORM.http();
        Http.Reply stopped = http.json("POST", "/api/server/modules/sessions/stop", "");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        try {
            assertThat(paths(openApi())).noneMatch(path -> path.startsWith("/api/messaging/sessions"))
                    .contains("/api/agents");
        } finally {
            Http.Reply started = http.json("POST", "/api/server/modules/sessions/start", "");
            assertThat(started.status()).as(started.body()).isEqualTo(200);
        }
        assertThat(paths(openApi())).isEqualTo(paths);
    }

    @Test
    void everyDocumentedOperationAnswersAsDocumentedAndNoneFails() throws Exception {
        JsonNode document = openApi();
        Http http = PLATFORM.http();
        List<String> wrong = new ArrayList<>();
        int called = 0;
        for (var path = document.path("paths").fields(); path.hasNext();) {
            var item = path.next();
            boolean templated = TEMPLATE.matcher(item.getKey()).find();
            for (var operation = item.getValue().fields(); operation.hasNext();) {
                var entry = operation.next();
                String method = entry.getKey().toUpperCase();
                if (!templated && !"GET".equals(method)) {
                    continue;
                }
                String uri = TEMPLATE.matcher(item.getKey()).replaceAll(match -> UUID.randomUUID().toString())
                        + requiredQuery(entry.getValue());
                HttpRequest.Builder request = http.builder(uri).timeout(CALL_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .method(method, "GET".equals(method) || "DELETE".equals(method)
                                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
                Http.Reply reply = http.send(request);
                called++;
                Set<String> documented = new TreeSet<>();
                entry.getValue().path("responses").fieldNames().forEachRemaining(documented::add);
                String status = Integer.toString(reply.status());
                boolean asDocumented = templated ? reply.status() < 500
                        : documented.contains(status)
                                || documented.equals(Set.of("default")) && reply.status() / 100 == 2;
                if (!asDocumented || reply.status() >= 500) {
                    wrong.add(method + " " + uri + " -> " + status + " (documented " + documented + "): "
                            + reply.body().substring(0, Math.min(200, reply.body().length())));
                }
            }
        }
        assertThat(called).isGreaterThan(50);
        assertThat(wrong).isEmpty();
    }

    /** An example value for each required query parameter: the platform's parameters are ids. */
    private static String requiredQuery(JsonNode operation) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean()) {
                query.append(query.length() == 0 ? '?' : '&').append(parameter.path("name").asText()).append('=')
                        .append(UUID.randomUUID());
            }
        }
        return query.toString();
    }

    @Test
    void theAsyncApiClientEventsAreTheHandlersRegisteredNow() throws Exception {
        Http http = PLATFORM.http();
        Set<String> all = new TreeSet<>(MESSAGING_EVENTS);
        all.addAll(LOG_EVENTS);
        assertThat(clientEvents()).isEqualTo(all);
        JsonNode document = http.get("/api/asyncapi.json").json();
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.path("operations").has("server.messageBroadcast")).isTrue();

        Http.Reply stopped = http.json("POST", "/api/server/modules/messaging/stop", "");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        try {
            assertThat(clientEvents()).isEqualTo(LOG_EVENTS);
        } finally {
            Http.Reply started = http.json("POST", "/api/server/modules/messaging/start", "");
            assertThat(started.status()).as(started.body()).isEqualTo(200);
        }
        Awaits.until(Duration.ofSeconds(10), "messaging's handlers back", () -> clientEvents().equals(all));
    }

    private static Set<String> clientEvents() throws Exception {
        JsonNode document = PLATFORM.http().get("/api/asyncapi.json").json();
        Set<String> events = new TreeSet<>();
        document.path("operations").forEach(operation -> {
            if ("receive".equals(operation.path("action").asText())) {
                String ref = operation.path("messages").get(0).path("$ref").asText();
                String id = ref.substring(ref.lastIndexOf('/') + 1);
                events.add(document.path("components").path("messages").path(id).path("name").asText());
            }
        });
        return events;
    }

    @Test
    void theDocsPageLoadsSwaggerUiFromThisOriginOnly() throws Exception {
        Http http = PLATFORM.http();
        Http.Reply page = http.get("/api/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<script src=\"/api/docs/swagger-ui-bundle.js\"></script>")
                .doesNotContain("<script>");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        for (String file : List.of("swagger-ui-bundle.js", "swagger-ui.css", "init.js")) {
            Http.Reply asset = http.get("/api/docs/" + file);
            assertThat(asset.status()).as(file).isEqualTo(200);
            assertThat(asset.body()).as(file).isNotEmpty();
        }
        assertThat(http.get("/api/docs/init.js").body()).contains("/api/openapi.json");
        Http.Reply missing = http.get("/api/docs/nothing.js");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("success").asBoolean(true)).isFalse();
    }
}
