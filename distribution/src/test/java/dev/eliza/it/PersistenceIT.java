package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data outlives the process: a graceful stop (SIGTERM) shuts the embedded PostgreSQL down cleanly, and after a
 * {@code kill -9}, which leaves PostgreSQL running as an orphan, the next start finds and stops it first.
 */
class PersistenceIT {
    /** The JVM's status after it ran its shutdown hooks for SIGTERM (128 + 15). */
    private static final int SIGTERM_EXIT = 143;

    @Test
    void agentsSurviveAGracefulRestartAndAKill9(@TempDir Path home) throws Exception {
        long coldStart = System.nanoTime();
        PlatformProcess platform = PlatformProcess.start(home, PlatformProcess.env());
        System.out.printf("cold start to healthy (fresh data folder, initdb included): %d ms%n",
                (System.nanoTime() - coldStart) / 1_000_000);
        Http http = new Http(platform);
        String id = http.json("POST", "/api/agents", "{\"characterJson\":{\"name\":\"Durable\"}}").json()
                .path("data").path("id").asText();
        Path pidFile = home.resolve("data/postgres/postmaster.pid");

        assertThat(platform.stop()).as("exit code after SIGTERM").isEqualTo(SIGTERM_EXIT);
        assertThat(pidFile).doesNotExist();
        assertThat(platform.console()).contains("Embedded PostgreSQL stopped").doesNotContain("ERROR");

        long warmStart = System.nanoTime();
        platform.restart();
        System.out.printf("warm start to healthy: %d ms%n", (System.nanoTime() - warmStart) / 1_000_000);
        assertThat(http.get("/api/agents/" + id).json().path("data").path("name").asText()).isEqualTo("Durable");

        long orphan = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        platform.kill();
        Optional<ProcessHandle> postgres = ProcessHandle.of(orphan);
        assertThat(postgres).isPresent();
        assertThat(postgres.get().isAlive()).isTrue();

        platform.restart();
        assertThat(http.get("/api/agents/" + id).json().path("data").path("name").asText()).isEqualTo("Durable");
        assertThat(isRunning(orphan)).as("the orphaned PostgreSQL %d still runs", orphan).isFalse();
        assertThat(Long.parseLong(Files.readAllLines(pidFile).get(0).trim())).isNotEqualTo(orphan);
        assertThat(platform.console()).contains("left running");
        assertThat(platform.stop()).isEqualTo(SIGTERM_EXIT);
    }

    /** Alive and not a zombie waiting for a parent that is not ours to reap it. */
    private static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException gone) {
            return false;
        }
    }
}
