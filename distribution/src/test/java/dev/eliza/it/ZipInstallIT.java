package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.rooms.api.ElizaIds;

/**
 * The zip as a user installs it: unzipped with {@code unzip} into an empty folder and started with
 * {@code bin/eliza-server}, with nothing in the environment but {@code JAVA_HOME}, {@code PATH} and {@code HOME}.
 * The first run has the default agent Eliza answering over REST, {@code --character} adds an agent, SIGTERM stops
 * the server and every process it started, a deleted Eliza stays deleted, and a bad character file stops the start
 * with a message naming it. The first run records the class archive that later starts map; a torn one is not taken.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZipInstallIT {
    private static final Path ZIP = Path.of(System.getProperty("eliza.zip", "target/eliza-server.zip"));
    private static final Duration START = Duration.ofMinutes(2);

    @TempDir
    static Path work;
    private static Path home;
    private static Path characters;
    private static int port;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void unzip() throws Exception {
        Process unzip = new ProcessBuilder("unzip", "-q", ZIP.toAbsolutePath().toString(), "-d", work.toString())
                .redirectErrorStream(true).start();
        assertThat(unzip.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(unzip.exitValue()).as(new String(unzip.getInputStream().readAllBytes())).isZero();
        home = work.resolve("eliza-server");
        characters = Files.createDirectories(work.resolve("my-characters"));
        port = PlatformProcess.freePort();
    }

    @Test
    @Order(1)
    void theZipCarriesTheReadmeTheLicenceNoticesAndTheDefaultCharacter() throws Exception {
        assertThat(Files.readString(home.resolve("README.md"))).contains("bin/eliza-server")
                .contains("## Upgrade").contains("## Back up").contains("http://127.0.0.1:3000/");
        assertThat(Files.readString(home.resolve("licenses/THIRD-PARTY.txt")))
                .contains("org.apache.felix:org.apache.felix.framework").contains("org.eclipse.jetty:jetty-server")
                .contains("com.microsoft.onnxruntime:onnxruntime").doesNotContain("dev.eliza:");
        assertThat(Files.readString(home.resolve("licenses/README.txt"))).contains("PostgreSQL Licence");
        assertThat(Files.readString(home.resolve("characters/eliza.json"))).contains("\"name\": \"Eliza\"");
    }

    @Test
    @Order(2)
    void theScriptNamesTheJavaItNeedsAndListsTheSettings() throws Exception {
        Path fake = Files.createDirectories(work.resolve("old-java"));
        Path java = Files.writeString(fake.resolve("java"),
                "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Run old = run(Map.of("PATH", fake + ":/usr/bin:/bin"), List.of(), Duration.ofSeconds(30));
        assertThat(old.exit()).as(old.output()).isNotZero();
        assertThat(old.output()).contains("needs Java 17 or newer").contains("11.0.2");

        // A runtime's release file is what the script reads when there is one (no JVM is started to ask).
        Path oldJdk = Files.createDirectories(work.resolve("old-jdk/bin"));
        Files.writeString(oldJdk.resolveSibling("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Path claims17 = Files.writeString(oldJdk.resolve("java"),
                "#!/bin/sh\necho 'openjdk version \"17.0.1\" 2021-10-19' >&2\n");
        Files.setPosixFilePermissions(claims17, PosixFilePermissions.fromString("rwxr-xr-x"));
        Run released = run(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", oldJdk.getParent().toString()), List.of(),
                Duration.ofSeconds(30));
        assertThat(released.exit()).as(released.output()).isNotZero();
        assertThat(released.output()).contains("needs Java 17 or newer").contains("11.0.2");

        Run none = run(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", work.resolve("no-jdk").toString()), List.of(),
                Duration.ofSeconds(30));
        assertThat(none.exit()).isNotZero();
        assertThat(none.output()).contains("Install Java 17 or newer");

        Run help = run(javaEnv(), List.of("--help"), Duration.ofSeconds(30));
        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).contains("--character").contains("SERVER_PORT=3000")
                .contains("ELIZA_DEFAULT_AGENT=true").contains("POSTGRES_URL").contains("DATA_DIR=./data");
        assertThat(classArchives("*")).as("--help records no class archive").isEmpty();
    }

    @Test
    @Order(3)
    void aFirstRunChatsWithElizaAndStartsTheGivenCharacterThenSigtermLeavesNothingRunning() throws Exception {
        Files.writeString(characters.resolve("ada.json"), "{\"name\":\"Ada\",\"bio\":[\"counts\"],"
                + "\"plugins\":[],\"someElizaOsField\":{\"kept\":true}}");
        Server server = Server.start(javaEnv(), List.of("--character", "ada.json"));
        try {
            JsonNode eliza = awaitActive("Eliza");
            JsonNode ada = awaitActive("Ada");
            assertThat(eliza.path("id").asText()).as("ElizaOS's stringToUuid(name)")
                    .isEqualTo(ElizaIds.fromText("Eliza").toString());
            assertThat(get("/api/agents/" + ada.path("id").asText()).path("data").path("someElizaOsField")
                    .path("kept").asBoolean()).isTrue();
            assertThat(get("/api/plugins").path("data").path("plugins")).as("the examples ship off").isEmpty();
            assertThat(home.resolve("sdk/examples")).isDirectoryContaining("glob:**/hello-plugin-*.jar");

            JsonNode job = post("/api/messaging/jobs", "{\"agentId\":\"" + eliza.path("id").asText()
                    + "\",\"userId\":\"" + UUID.randomUUID() + "\",\"content\":\"Hello Eliza, I feel curious.\"}");
            String jobId = job.path("jobId").asText();
            Awaits.until(Duration.ofSeconds(60), "Eliza's answer to the job",
                    () -> !get("/api/messaging/jobs/" + jobId).path("status").asText().equals("processing"));
            JsonNode done = get("/api/messaging/jobs/" + jobId);
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
            assertThat(done.path("result").path("message").path("authorId").asText())
                    .isEqualTo(eliza.path("id").asText());
            assertThat(done.path("result").path("message").path("content").asText()).isNotBlank();

            assertThat(delete("/api/agents/" + eliza.path("id").asText())).isEqualTo(204);
        } finally {
            server.stopAndCheckNothingIsLeft();
        }
        assertThat(classArchives("*.dump")).as("the first run records its classes at exit").hasSize(1);
        assertThat(classArchives("*.ready")).as("and says it got to ready").hasSize(1);
    }

    @Test
    @Order(4)
    void aDeletedElizaDoesNotComeBackAndTheStartedAgentRunsAgain() throws Exception {
        Server server = Server.start(javaEnv(), List.of());
        try {
            awaitActive("Ada");
            assertThat(names()).containsExactly("Ada");
            assertThat(classArchives("*")).as("the first run's record, checked and adopted as the class archive")
                    .hasSize(1).allMatch(archive -> archive.toString().endsWith(".jsa"));
        } finally {
            server.stopAndCheckNothingIsLeft();
        }
    }

    @Test
    @Order(5)
    void aBadCharacterFileStopsTheStartNamingTheFileAndTheProblem() throws Exception {
        Path broken = Files.writeString(characters.resolve("broken.json"), "{\"name\": \"Broken\",");
        Run run = run(javaEnv(), List.of("--character", broken.toString()), START);
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains(broken + ": not valid JSON").doesNotContain("\tat ");

        Run missing = run(javaEnv(), List.of("--character", "nowhere.json"), Duration.ofSeconds(60));
        assertThat(missing.exit()).as(missing.output()).isEqualTo(1);
        assertThat(missing.output()).contains(characters.resolve("nowhere.json").toString());
    }

    @Test
    @Order(6)
    void aTornClassArchiveIsNotAdoptedAndTheServerStartsWithoutIt() throws Exception {
        Path archive = classArchives("*.jsa").get(0);
        String stem = archive.getFileName().toString().replace(".jsa", "");
        // A record cut short (the JVM killed while writing it at exit) keeps a valid header: mapped, it crashes the JVM.
        Path torn = archive.resolveSibling(stem + "." + Integer.MAX_VALUE + ".dump");
        try (var in = Files.newInputStream(archive)) {
            Files.write(torn, in.readNBytes(1 << 20));
        }
        Files.writeString(torn.resolveSibling(stem + "." + Integer.MAX_VALUE + ".ready"), "");
        Files.delete(archive);

        Server server = Server.start(javaEnv(), List.of());
        String self = stem + "." + server.process().pid();
        try {
            awaitActive("Ada");
            assertThat(classArchives("*")).as("the torn record is dropped; this run, ready, records anew at exit")
                    .noneMatch(path -> path.toString().contains("." + Integer.MAX_VALUE + "."))
                    .anyMatch(path -> path.endsWith(self + ".ready"));
        } finally {
            server.stopAndCheckNothingIsLeft();
        }
        assertThat(classArchives(self + ".dump")).hasSize(1);
    }

    private static List<Path> classArchives(String glob) throws IOException {
        Path dir = home.resolve("cache/cds");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (var files = Files.newDirectoryStream(dir, glob)) {
            files.forEach(found::add);
        }
        return found;
    }

    /** The environment a user with only a JDK has: its {@code JAVA_HOME}, a system {@code PATH}, {@code HOME}. */
    private static Map<String, String> javaEnv() {
        Path javaHome = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent();
        return Map.of("JAVA_HOME", javaHome.toString(), "PATH", "/usr/bin:/bin");
    }

    private static ProcessBuilder script(Map<String, String> env, List<String> args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/eliza-server").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(characters.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("HOME", System.getProperty("user.home"));
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().putAll(env);
        return builder;
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Map<String, String> env, List<String> args, Duration timeout) throws Exception {
        Path log = Files.createTempFile(work, "run", ".log");
        Process process = script(env, args).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/eliza-server " + args + " still runs:\n" + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** A running {@code bin/eliza-server}, with the processes it started. */
    private record Server(Process process, Path log) {
        static Server start(Map<String, String> env, List<String> args) throws Exception {
            Path log = Files.createTempFile(work, "server", ".log");
            Server server = new Server(script(env, args).redirectOutput(log.toFile()).start(), log);
            try {
                Awaits.until(START, "the ready line", () -> {
                    if (!server.process.isAlive()) {
                        throw new AssertionError("exited " + server.process.exitValue() + ":\n" + server.output());
                    }
                    return server.output().contains("Eliza server ready in");
                });
            } catch (Exception | AssertionError e) {
                server.process.destroyForcibly();
                throw e;
            }
            return server;
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        /**
         * SIGTERM; a clean stop exits 143 (as GracefulShutdownIT expects) and takes with it every process of the
         * install: the JVM's children, and the PostgreSQL server, which {@code pg_ctl} detaches from the JVM.
         */
        void stopAndCheckNothingIsLeft() throws Exception {
            List<ProcessHandle> started = processesOfTheInstall(process);
            boolean postgresSeen = started.stream()
                    .anyMatch(p -> p.info().command().orElse("").endsWith("/bin/postgres"));
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("no stop within 60 s:\n" + output());
            }
            assertThat(process.exitValue()).as(output()).isEqualTo(143);
            assertThat(postgresSeen).as("the embedded PostgreSQL ran from the install: " + started).isTrue();
            Awaits.until(Duration.ofSeconds(10), "every process of the install to be gone",
                    () -> started.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(output()).doesNotContain("ERROR");
        }

        private static List<ProcessHandle> processesOfTheInstall(Process process) {
            List<ProcessHandle> roots = new ArrayList<>(List.of(process.toHandle()));
            try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
                all.filter(p -> p.info().command().orElse("").startsWith(home.toString())).forEach(roots::add);
            }
            List<ProcessHandle> found = new ArrayList<>(roots);
            for (ProcessHandle root : roots) {
                try (Stream<ProcessHandle> descendants = root.descendants()) {
                    descendants.filter(p -> !found.contains(p)).forEach(found::add);
                }
            }
            return found;
        }
    }

    private JsonNode awaitActive(String name) throws Exception {
        Awaits.until(Duration.ofSeconds(60), name + " active", () -> agent(name)
                .map(agent -> agent.path("status").asText().equals("active")).orElse(false));
        return agent(name).orElseThrow();
    }

    private java.util.Optional<JsonNode> agent(String name) throws Exception {
        for (JsonNode agent : get("/api/agents").path("data").path("agents")) {
            if (agent.path("name").asText().equals(name)) {
                return java.util.Optional.of(agent);
            }
        }
        return java.util.Optional.empty();
    }

    private List<String> names() throws Exception {
        List<String> names = new ArrayList<>();
        get("/api/agents").path("data").path("agents").forEach(agent -> names.add(agent.path("name").asText()));
        return names;
    }

    private JsonNode get(String path) throws Exception {
        return Http.JSON.readTree(client.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode post(String path, String json) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.JSON.readTree(response.body());
    }

    private int delete(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).DELETE().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
