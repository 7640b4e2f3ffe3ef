package dev.eliza.it;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Clients writing while the server or its database is killed under them: some create sessions and talk in them,
 * some post to a channel the agent is in. Every id whose request got a 2xx is recorded (an answer that never
 * arrived proves nothing either way); any 5xx other than 503 is kept as a sample, since a crash must never show.
 */
final class AcknowledgedLoad implements AutoCloseable {
    private static final String DEFAULT_SERVER = "00000000-0000-0000-0000-000000000000";

    final Set<String> sessions = ConcurrentHashMap.newKeySet();
    final Set<String> messages = ConcurrentHashMap.newKeySet();
    final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    final List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The first refusals (4xx), to tell in the summary why the server refused what it refused. */
    final List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
    /** What the test is doing to the server, told with each refusal ("server kill 3"). */
    volatile String phase = "before the kills";
    private final PlatformProcess platform;
    private final String agentId;
    private final String channelId;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    AcknowledgedLoad(PlatformProcess platform, String agentId, String channelId, String userId) {
        this.platform = platform;
        this.agentId = agentId;
        this.channelId = channelId;
        for (int i = 0; i < 2; i++) {
            start("session-client-" + i, this::sessionLoop);
        }
        for (int i = 0; i < 2; i++) {
            start("channel-client-" + i, () -> channelLoop(userId));
        }
    }

    private void start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void sessionLoop() {
        HttpClient client = client();
        while (running.get()) {
            post(client, "/api/messaging/sessions", "{\"agentId\":\"" + agentId + "\",\"userId\":\""
                    + UUID.randomUUID() + "\"}").map(b -> b.path("sessionId").asText()).ifPresent(session -> {
                        sessions.add(session);
                        for (int i = 0; i < 3 && running.get(); i++) {
                            post(client, "/api/messaging/sessions/" + session + "/messages", "{\"content\":\"s "
                                    + UUID.randomUUID() + "\"}").map(b -> b.path("userMessage").path("id").asText())
                                    .ifPresent(messages::add);
                        }
                    });
        }
    }

    private void channelLoop(String userId) {
        HttpClient client = client();
        while (running.get()) {
            post(client, "/api/messaging/channels/" + channelId + "/messages", "{\"author_id\":\"" + userId
                    + "\",\"content\":\"c " + UUID.randomUUID() + "\",\"message_server_id\":\"" + DEFAULT_SERVER
                    + "\"}").map(b -> b.path("userMessage").path("id").asText()).ifPresent(messages::add);
        }
    }

    /** The body of a 2xx answer; empty for anything else, including no answer at all. */
    private java.util.Optional<JsonNode> post(HttpClient client, String path, String body) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(platform.uri(path))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() / 100 == 2) {
                return java.util.Optional.of(Http.JSON.readTree(response.body()));
            }
            if (response.statusCode() / 100 == 4 && refusals.size() < 5) {
                refusals.add(java.time.Instant.now() + " during " + phase + ": " + response.statusCode() + " " + path + " "
                        + response.body());
            }
            if (response.statusCode() >= 500 && response.statusCode() != 503 && serverErrors.size() < 20) {
                serverErrors.add(response.statusCode() + " " + path + " " + response.body());
            }
        } catch (Exception refusedOrCut) {
            statuses.merge(0, 1, Integer::sum);
            pause();
        }
        return java.util.Optional.empty();
    }

    /** While the server is down, do not spin on refused connections. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int acknowledged() {
        return sessions.size() + messages.size();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }
}
