package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The README's "Write a plugin in 5 minutes" block, run as written against a running server: install the SDK from
 * the distribution's {@code sdk/} (into the local Maven repository, as a plugin author would), generate a project
 * from the archetype, build it, copy the jar into {@code plugins/}, and see the route answer.
 */
class PluginAuthorKitIT {
    private static final String HEADING = "## Write a plugin in 5 minutes";

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    @Test
    void theReadmeStepsTakeAPluginFromTemplateToServedRoute() throws Exception {
        String script = readmeBlock().replace("http://localhost:3000", PLATFORM.process().uri("").toString());
        Path work = Files.createTempDirectory("plugin-author-");
        try {
            Path log = work.resolve("steps.log");
            ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("ELIZA_HOME", PLATFORM.home().toString());
            Process process = builder.start();
            boolean finished = process.waitFor(10, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log);
            assertThat(finished).as(output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).as("the generated project's in-memory tests ran").contains("Tests run: 2, Failures: 0");
            assertThat(output).contains("{\"message\":\"Hello from weather\"}");
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        JsonNode weather = PLATFORM.http().get("/api/plugins/weather").json().path("data");
        assertThat(weather.path("state").asText()).isEqualTo("STARTED");
        assertThat(weather.path("routes").toString()).contains("/api/plugins/weather");
    }

    /** The shell block under the README heading, continuation lines kept. */
    private static String readmeBlock() throws Exception {
        Path readme = Path.of(System.getProperty("user.dir")).getParent().resolve("README.md");
        List<String> lines = Files.readAllLines(readme);
        int start = lines.indexOf(HEADING);
        assertThat(start).as("README section " + HEADING).isNotNegative();
        int open = start;
        while (!lines.get(open).equals("```sh")) {
            open++;
        }
        int close = open + 1;
        while (!lines.get(close).equals("```")) {
            close++;
        }
        return String.join("\n", lines.subList(open + 1, close)) + "\n";
    }
}
