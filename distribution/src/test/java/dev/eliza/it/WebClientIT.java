package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The unmodified ElizaOS web client served by its own bundle at {@code /} of the real platform: the app, its files,
 * its routes on reload, the API's own 404s left alone, a chat in headless Chromium (screenshots in
 * {@code target/webclient-screenshots}), and the bundle stopped and started like any domain.
 */
class WebClientIT {
    private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(Map.of());

    @Test
    void theAppAndItsFilesAreServedAndItsRoutesSurviveAReload() throws Exception {
        Http http = PLATFORM.http();
        Http.Reply root = http.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.header("Content-Type")).startsWith("text/html");
        assertThat(root.body()).contains("<title>ElizaOS - Client</title>", "<div id=\"root\"></div>");
        Matcher script = SCRIPT.matcher(root.body());
        assertThat(script.find()).as(root.body()).isTrue();
        Http.Reply main = http.get(script.group(1));
        assertThat(main.status()).isEqualTo(200);
        assertThat(main.header("Content-Type")).contains("javascript");
        assertThat(main.header("Cache-Control")).contains("immutable");

        Http.Reply deepLink = http.get("/chat/00000000-0000-0000-0000-000000000001/00000000-0000-0000-0000-000000000002");
        assertThat(deepLink.status()).isEqualTo(200);
        assertThat(deepLink.body()).isEqualTo(root.body());
        assertThat(http.get("/assets/not-there.js").status()).isEqualTo(404);
        Http.Reply api = http.get("/api/not-a-route");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.body()).isEqualTo("{\"success\":false,\"error\":{\"message\":\"API endpoint not found\","
                + "\"code\":404}}");
        assertThat(http.get("/api/agents").status()).isEqualTo(200);
    }

    /** The acceptance test of messaging and the runtime: the real client chats in a real browser. */
    @Test
    void theClientChatsWithAnAgentInHeadlessChromium() throws Exception {
        NodeTests.Result browser = NodeTests.run("webclient.test.mjs", Map.of("BASE_URL", "http://127.0.0.1:" + PLATFORM.process().port(),
                "SCREENSHOTS", Path.of("target/webclient-screenshots").toAbsolutePath().toString()));
        System.out.println(browser.output());
        assertThat(browser.exitCode()).as(browser.output()).isZero();
        assertThat(browser.output()).contains("ℹ pass 3", "ℹ fail 0");
    }

    @Test
    void stoppingTheModuleTakesTheAppAwayAndStartingItBringsItBack() throws Exception {
        Http http = PLATFORM.http();
        Http.Reply stopped = http.json("POST", "/api/server/modules/web-client/stop", "");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        Http.Reply gone = http.get("/chat");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("{\"success\":false,\"error\":{\"message\":\"Not found\",\"code\":404}}");
        Http.Reply started = http.json("POST", "/api/server/modules/web-client/start", "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(http.get("/chat").body()).contains("<div id=\"root\"></div>");
    }
}
