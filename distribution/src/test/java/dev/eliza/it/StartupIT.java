package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up is honest: from the first accepted connection, a route that will be served answers 503 with
 * {@code Retry-After} or its real answer, never 404, and the ready line comes only once all of them answer.
 */
class StartupIT {
    private static final List<String> ROUTES = List.of("/api/agents", "/api/server/ping", "/api/plugins",
            "/api/plugins/hello/greeting", "/api/server/modules", "/socket.io/?EIO=4&transport=polling");

    @TempDir
    Path home;

    @Test
    void noKnownRouteAnswers404WhileTheServerStarts() throws Exception {
        PlatformProcess platform = PlatformProcess.prepare(home, Map.of());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, Integer> seen = new TreeMap<>();
        try (platform) {
            platform.launch();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            boolean ready = false;
            while (!ready && System.nanoTime() < deadline) {
                ready = platform.readyLines() > 0;
                for (String route : ROUTES) {
                    int status = status(client, platform, route);
                    if (status > 0) {
                        seen.merge(route + " " + status, 1, Integer::sum);
                        assertThat(status).as(route + " while starting; seen so far " + seen).isIn(200, 503);
                    }
                }
            }
            assertThat(ready).as("ready line").isTrue();
            for (String route : ROUTES) {
                assertThat(status(client, platform, route)).as(route + " once ready").isEqualTo(200);
            }
            System.out.println("start-up answers: " + seen);
        }
    }

    /** The status, or 0 while the port does not accept connections yet. */
    private static int status(HttpClient client, PlatformProcess platform, String route) throws Exception {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(platform.uri(route))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 503) {
                assertThat(response.headers().firstValue("Retry-After")).as(route).isPresent();
            }
            return response.statusCode();
        } catch (IOException notListening) {
            return 0;
        }
    }
}
