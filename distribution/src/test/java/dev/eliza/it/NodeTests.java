package dev.eliza.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the Node compatibility tests of {@code src/test/node} (installing their npm packages once). */
final class NodeTests {
    private static final Path DIR = Path.of("src/test/node").toAbsolutePath();

    private NodeTests() {
    }

    /** The test run's exit code and output. */
    record Result(int exitCode, String output) {
    }

    static Result run(String file, Map<String, String> env) throws IOException, InterruptedException {
        if (!Files.isDirectory(DIR.resolve("node_modules/socket.io-client"))) {
            Result install = exec(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
            if (install.exitCode() != 0) {
                throw new IllegalStateException("npm ci failed:\n" + install.output());
            }
        }
        return exec(List.of("node", "--test", "--test-reporter=spec", file), env, 300);
    }

    private static Result exec(List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path log = Files.createTempFile("node-", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(process.isAlive() ? -1 : process.exitValue(), output);
    }
}
