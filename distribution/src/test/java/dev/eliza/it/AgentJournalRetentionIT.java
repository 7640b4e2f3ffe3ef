package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journal's per-agent retention against the real PostgreSQL: with {@code AGENT_LOGS_KEEP=3} (set in
 * {@code conf/platform.properties}, where operators set it) an agent keeps only its three newest entries.
 */
class AgentJournalRetentionIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Path home;
    private static PlatformProcess platform;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("eliza-it-");
        platform = PlatformProcess.prepare(home, PlatformProcess.env());
        Files.writeString(home.resolve("conf/platform.properties"), "\nAGENT_LOGS_KEEP=3\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        platform.launch();
        platform.awaitHealthy(Duration.ofMinutes(2));
        http = new Http(platform);
        ModuleJars.deploy(home.resolve("deploy"), "agents-probe.jar", ModuleJars.agentsProbeBundle());
        Awaits.until(WAIT, "the agents probe serves", () -> http.get("/api/probe-agents/active").status() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            platform.close();
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void anAgentKeepsItsNewestEntriesOnly() throws Exception {
        String agent = UUID.randomUUID().toString();
        assertThat(http.json("POST", "/api/agents", "{\"characterJson\":{\"id\":\"" + agent
                + "\",\"name\":\"Chatty\"}}").status()).isEqualTo(201);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = UUID.randomUUID().toString();
            written.add(0, id);
            Http.Reply reply = http.json("POST", "/api/probe-agents/logs", "{\"id\":\"" + id + "\",\"agentId\":\""
                    + agent + "\",\"entityId\":\"" + agent + "\",\"type\":\"useModel:TEXT_SMALL\",\"body\":{\"n\":"
                    + i + "},\"createdAt\":" + (1_795_452_565_000L + i) + "}");
            assertThat(reply.status()).isEqualTo(204);
            assertThat(http.get("/api/agents/" + agent + "/logs?count=100").json().path("data").size())
                    .isLessThanOrEqualTo(3);
        }
        assertThat(http.get("/api/agents/" + agent + "/logs?count=100").json().path("data").findValuesAsText("id"))
                .containsExactlyElementsOf(written.subList(0, 3));
    }
}
