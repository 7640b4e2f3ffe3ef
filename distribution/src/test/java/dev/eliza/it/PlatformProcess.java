package dev.eliza.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real platform as an operator runs it: the distribution copied into a folder of the test's, started as its
 * own JVM process on a free port with the embedded PostgreSQL under that folder.
 */
final class PlatformProcess implements AutoCloseable {
    private static final Path DIST = Path.of(System.getProperty("eliza.dist", "target/eliza-server"));

    private final Path home;
    private final int port;
    private final Map<String, String> env;
    private Process process;
    private long readyLinesBefore;

    private PlatformProcess(Path home, int port, Map<String, String> env) {
        this.home = home;
        this.port = port;
        this.env = env;
    }

    /** Copies the distribution into {@code home} (unless already there) and starts it. */
    static PlatformProcess start(Path home, Map<String, String> env) throws Exception {
        install(home);
        PlatformProcess platform = new PlatformProcess(home, freePort(), env);
        platform.launch();
        try {
            platform.awaitHealthy(Duration.ofMinutes(2));
        } catch (Exception | AssertionError e) {
            platform.kill();
            throw e;
        }
        return platform;
    }

    /** Copies the distribution into {@code home} (unless already there) without starting it: see {@link #launch()}. */
    static PlatformProcess prepare(Path home, Map<String, String> env) throws IOException {
        install(home);
        return new PlatformProcess(home, freePort(), env);
    }

    static void install(Path home) throws IOException {
        if (Files.exists(home.resolve("lib"))) {
            return;
        }
        try (Stream<Path> files = Files.walk(DIST)) {
            for (Path source : files.toList()) {
                Path target = home.resolve(DIST.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        // the tests exercise the plugin host through the example plugins, which a fresh installation leaves off
        try (Stream<Path> examples = Files.list(home.resolve("sdk/examples"))) {
            for (Path example : examples.toList()) {
                Files.copy(example, home.resolve("plugins").resolve(example.getFileName()));
            }
        }
    }

    /** The folder the distribution was installed in. */
    Path home() {
        return home;
    }

    /** Starts the process without waiting for it to become healthy. */
    void launch() throws IOException {
        readyLinesBefore = readyLines();
        Path jar;
        try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
            jar = libs.filter(p -> p.getFileName().toString().startsWith("platform-bootstrap")).findFirst()
                    .orElseThrow();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-Deliza.home=" + home, "-jar",
                jar.toString()));
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("DEPLOY_POLL_MS", "200");
        // the tests create the agents they need; one that wants the default agent passes ELIZA_DEFAULT_AGENT=true
        builder.environment().put("ELIZA_DEFAULT_AGENT", "false");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        process = builder.start();
    }

    void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient client = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Platform exited with " + process.exitValue() + ":\n" + console());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && readyLines() > readyLinesBefore) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Platform not healthy in time:\n" + console());
    }

    /** SIGTERM, then waits for the process to exit; returns its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Platform did not stop within 60 s:\n" + console());
        }
        return process.exitValue();
    }

    /** SIGKILL: nothing of the platform gets to clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts the same installation again, on the same port. */
    void restart() throws Exception {
        launch();
        awaitHealthy(Duration.ofMinutes(2));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** How many times the console says the server is ready: health alone can come before the domains' routes. */
    long readyLines() {
        return console().lines().filter(line -> line.contains("Eliza server ready in")).count();
    }

    String console() {
        try {
            return Files.readString(home.resolve("console.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no console log: " + e.getMessage() + ")";
        }
    }

    static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
