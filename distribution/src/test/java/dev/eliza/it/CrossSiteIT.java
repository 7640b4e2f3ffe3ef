package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The attacker's side, with no key configured (the default): a page of another site, or one that re-binds its DNS
 * name to 127.0.0.1, tries to install a plugin, update or stop a module and stop the server. Nothing happens.
 */
class CrossSiteIT {
    private static final String EVIL = "http://evil.example";

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(PlatformProcess.env());
    static PlatformProcess platform;
    static Http http;
    static Path home;

    @BeforeAll
    static void client() {
        platform = PLATFORM.process();
        http = PLATFORM.http();
        home = PLATFORM.home();
    }

    @Test
    void aPageOfAnotherSiteCannotInstallAPlugin() throws Exception {
        Path shipped;
        try (Stream<Path> files = Files.list(home.resolve("plugins"))) {
            shipped = files.filter(p -> p.getFileName().toString().startsWith("hello-plugin")).findFirst()
                    .orElseThrow();
        }
        byte[] jar = ModuleJars.pluginCopy(shipped, "evil", "1.0.0");
        long before = pluginJars();
        Http.Reply simple = http.send(http.builder("/api/plugins").header("Origin", EVIL)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray(jar)));
        assertThat(simple.status()).as(simple.body()).isEqualTo(415);
        Http.Reply noType = http.send(http.builder("/api/plugins").header("Origin", EVIL)
                .POST(HttpRequest.BodyPublishers.ofByteArray(jar)));
        assertThat(noType.status()).as(noType.body()).isIn(403, 415);
        Http.Reply preflighted = http.send(http.builder("/api/plugins").header("Origin", EVIL)
                .header("Content-Type", "application/java-archive").POST(HttpRequest.BodyPublishers.ofByteArray(jar)));
        assertThat(preflighted.status()).as(preflighted.body()).isEqualTo(403);
        assertThat(preflighted.json().path("error").path("code").asText()).isEqualTo("CROSS_ORIGIN_REFUSED");
        String rebound = raw("POST", "/api/plugins", "evil.example:" + platform.port(), "application/java-archive", jar);
        assertThat(rebound).startsWith("HTTP/1.1 421");
        assertThat(http.get("/api/plugins").body()).doesNotContain("\"evil\"");
        assertThat(pluginJars()).isEqualTo(before);
        assertThat(http.get("/api/plugins/evil/greeting").status()).isEqualTo(404);
    }

    @Test
    void aPageOfAnotherSiteCannotStopOrUpdateModulesOrTheServer() throws Exception {
        for (String path : new String[] {"/api/server/modules/agents/stop", "/api/server/modules/agents-impl/update",
                "/api/server/stop", "/api/stop"}) {
            Http.Reply bodyless = http.send(http.builder(path).header("Origin", EVIL)
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(bodyless.status()).as(path).isEqualTo(403);
            Http.Reply json = http.send(http.builder(path).header("Origin", EVIL)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(json.status()).as(path).isIn(403, 415);
        }
        assertThat(http.get("/api/agents").status()).isEqualTo(200);
        assertThat(HotSwapIT.moduleOf(http, "agents-impl").path("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void theServersOwnPagesAndNonBrowserClientsStillWork() throws Exception {
        String own = "http://127.0.0.1:" + platform.port();
        Http.Reply restart = http.send(http.builder("/api/server/modules/agents/restart").header("Origin", own)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("")));
        assertThat(restart.status()).as(restart.body()).isEqualTo(200);
        Http.Reply created = http.send(http.builder("/api/agents").header("Origin", EVIL)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"characterJson\":{\"name\":\"Cors\"}}")));
        assertThat(created.status()).as("a preflighted JSON call is CORS's to allow").isEqualTo(201);
        assertThat(raw("GET", "/api/server/ping", "localhost:" + platform.port(), null, new byte[0]))
                .startsWith("HTTP/1.1 200");
    }

    private static long pluginJars() throws Exception {
        try (Stream<Path> files = Files.list(home.resolve("plugins"))) {
            return files.filter(f -> f.toString().endsWith(".jar")).count();
        }
    }

    /** A request with a {@code Host} header of our choosing, which the JDK client does not allow. */
    private static String raw(String method, String path, String host, String type, byte[] body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", platform.port())) {
            OutputStream out = socket.getOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + (type == null ? "" : "Content-Type: " + type + "\r\n") + "Content-Length: " + body.length
                    + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
