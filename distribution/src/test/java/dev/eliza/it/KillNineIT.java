package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} under load, again and again on one home: the whole server, and separately the embedded
 * PostgreSQL's postmaster alone. After each, every write that got a 2xx (sessions, messages, their delivery
 * states) is stored exactly once, no message has two replies, and the server came back cleanly by itself.
 * {@code -Dkill.cycles} sets how many of each.
 */
class KillNineIT {
    private static final int CYCLES = Integer.getInteger("kill.cycles", 8);
    private static final Duration BACK = Duration.ofMinutes(2);

    @TempDir
    Path home;

    @Test
    void acknowledgedWritesSurviveKillingTheServerAndItsPostgres() throws Exception {
        PlatformProcess platform = PlatformProcess.prepare(home, PlatformProcess.env("ELIZA_DEFAULT_AGENT", "true"));
        int consoleStart = 0;
        platform.launch();
        platform.awaitHealthy(BACK);
        Http http = new Http(platform);
        String agentId = http.get("/api/agents").json().at("/data/agents/0/id").asText();
        String userId = UUID.randomUUID().toString();
        String channelId = http.json("POST", "/api/messaging/channels", "{\"name\":\"kill-9\",\"message_server_id\":"
                + "\"00000000-0000-0000-0000-000000000000\",\"participantCentralUserIds\":[\"" + userId + "\",\""
                + agentId + "\"],\"type\":\"GROUP\",\"metadata\":{}}").json().at("/data/id").asText();
        StoredWrites stored = new StoredWrites(home);
        try (AcknowledgedLoad load = new AcknowledgedLoad(platform, agentId, channelId, userId)) {
            long serverKills = 0;
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                awaitMoreWrites(load);
                load.phase = "server kill " + cycle;
                long started = System.nanoTime();
                consoleStart = platform.console().length();
                platform.kill();
                platform.restart();
                serverKills += System.nanoTime() - started;
                assertThat(errors(platform.console().substring(consoleStart))).as("start %d", cycle).isEmpty();
                assertThat(stored.problems(Set.copyOf(load.sessions), Set.copyOf(load.messages), agentId))
                        .as("after server kill %d", cycle).isEmpty();
            }
            long postgresKills = 0;
            Set<Integer> outageStatuses = ConcurrentHashMap.newKeySet();
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                awaitMoreWrites(load);
                load.phase = "postgres kill " + cycle;
                long started = System.nanoTime();
                consoleStart = platform.console().length();
                long pid = stored.postmasterPid();
                ProcessHandle.of(pid).orElseThrow().destroyForcibly();
                Awaits.until(BACK, "PostgreSQL started again and the server ready", () -> {
                    int status = status(platform, "/health");
                    outageStatuses.add(status);
                    outageStatuses.add(status(platform, "/api/agents"));
                    return status == 200 && stored.postmasterPid() != pid && status(platform, "/api/agents") == 200;
                });
                postgresKills += System.nanoTime() - started;
                assertThat(errors(platform.console().substring(consoleStart))).as("postgres kill %d", cycle).isEmpty();
                assertThat(stored.problems(Set.copyOf(load.sessions), Set.copyOf(load.messages), agentId))
                        .as("after postgres kill %d", cycle).isEmpty();
            }
            load.close();
            System.out.printf("kill-9: %d server kills (mean %d ms to ready), %d postmaster kills (mean %d ms),"
                    + " %d sessions and %d messages acknowledged, statuses %s, during outages %s; first refusals %s%n",
                    CYCLES, serverKills / CYCLES / 1_000_000, CYCLES, postgresKills / CYCLES / 1_000_000,
                    load.sessions.size(), load.messages.size(), load.statuses, outageStatuses, load.refusals);
            assertThat(load.serverErrors).as("5xx other than 503").isEmpty();
            // read only on failure: the console of 16 restarts is large
            assertThat(load.statuses).as(() -> "a route of a domain still starting is 503, never a broader domain's"
                    + " 404; first refusals " + load.refusals + "; the server's warnings and route changes: "
                    + routeChanges(platform.console())).doesNotContainKey(404);
            assertThat(outageStatuses).as("health and a database route meanwhile").doesNotContain(500);
            List<String> acknowledged = List.copyOf(load.messages);
            System.out.println("kill-9: open deliveries once the load stopped: " + stored.openByState(acknowledged));
            try {
                Awaits.until(BACK, "every acknowledged message answered or given up",
                        () -> stored.open(acknowledged) == 0);
            } catch (AssertionError stuck) {
                throw new AssertionError(stuck.getMessage() + "; still open: " + stored.openByState(acknowledged));
            }
            assertThat(stored.problems(load.sessions, load.messages, agentId)).isEmpty();
        } finally {
            platform.close();
        }
    }

    private static void awaitMoreWrites(AcknowledgedLoad load) throws Exception {
        int before = load.acknowledged();
        Awaits.until(Duration.ofMinutes(1), "the clients to get 20 more writes acknowledged",
                () -> load.acknowledged() >= before + 20);
    }

    /** What tells why a route was missing: warnings, errors, mounts given up and start-up's end (the last 30). */
    private static List<String> routeChanges(String console) {
        List<String> lines = console.lines().filter(line -> line.contains("WARN") || line.contains("ERROR")
                || line.contains("Unmounted") || line.contains("All routes")).toList();
        return lines.subList(Math.max(0, lines.size() - 30), lines.size());
    }

    /** The ERROR lines a start or a recovery logged. */
    private static List<String> errors(String console) {
        return console.lines().filter(line -> line.contains("ERROR")).toList();
    }

    private static int status(PlatformProcess platform, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(platform.uri(path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception notListening) {
            return 0;
        }
    }
}
