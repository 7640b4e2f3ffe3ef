package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM lets a request in flight finish and answer before the server goes away. */
class GracefulShutdownIT {

    @Test
    void aRequestInFlightCompletesDuringShutdown(@TempDir Path home) throws Exception {
        PlatformProcess platform = PlatformProcess.start(home, PlatformProcess.env());
        Http http = new Http(platform);
        ModuleJars.deploy(home.resolve("deploy"), "echo.jar", ModuleJars.echoProbeBundle());
        Awaits.until(Duration.ofSeconds(15), "probe mounted", () -> http.get("/api/echo").status() == 200);

        CompletableFuture<Http.Reply> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return http.get("/api/echo/slow?ms=3000");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Awaits.until(Duration.ofSeconds(15), "the slow request in flight",
                () -> http.get("/api/echo/sleeping").body().equals("{\"sleeping\":1}"));
        assertThat(platform.stop()).isEqualTo(143);
        Http.Reply reply = slow.get(10, TimeUnit.SECONDS);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"slept\":3000}");
        assertThat(platform.console()).contains("Embedded PostgreSQL stopped").doesNotContain("ERROR");
    }
}
