package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process per data directory: a second {@code bin/eliza-server} on a folder in use refuses with the owner's pid
 * and leaves the running server and its PostgreSQL alone; {@code --help} and {@code --version} only print.
 */
class DataDirLockIT {
    @Test
    void aSecondStartOnTheSameDataDirectoryRefusesAndHarmsNothing(@TempDir Path home) throws Exception {
        try (PlatformProcess platform = PlatformProcess.start(home, PlatformProcess.env())) {
            Http http = new Http(platform);

            Result second = run(home, List.of(), 120);
            assertThat(second.exit()).as("exit code of the second start: %s", second.output()).isEqualTo(3);
            assertThat(second.output()).contains("in use by process " + platform.pid());

            Result help = run(home, List.of("--help"), 30);
            assertThat(help.exit()).isZero();
            assertThat(help.output()).contains("Usage: eliza-server").doesNotContain("PostgreSQL");
            Result version = run(home, List.of("--version"), 30);
            assertThat(version.exit()).isZero();
            assertThat(version.output()).startsWith("eliza-server 0.");

            assertThat(http.get("/health").status()).isEqualTo(200);
            assertThat(http.json("POST", "/api/agents", "{\"characterJson\":{\"name\":\"StillHere\"}}").status())
                    .isEqualTo(201);
            assertThat(platform.console()).doesNotContain("left running").doesNotContain("ERROR");
        }
    }

    private record Result(int exit, String output) {
    }

    /** {@code bin/eliza-server} of {@code home}, on a port of its own, as an operator would start it. */
    private static Result run(Path home, List<String> args, int timeoutSeconds) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/eliza-server").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SERVER_PORT", String.valueOf(PlatformProcess.freePort()));
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/eliza-server " + args + " still runs after " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }
}
