package dev.eliza.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinglePageServletTest {
    private static final String INDEX = "<!doctype html><div id=\"root\"></div>";

    @TempDir
    Path app;
    private Server server;
    private LocalConnector connector;

    private void start(Optional<Path> root) throws Exception {
        Files.writeString(app.resolve("index.html"), INDEX);
        Files.createDirectories(app.resolve("assets"));
        Files.writeString(app.resolve("assets/main-abc.js"), "console.log('app');");
        Files.writeString(app.resolve("favicon.ico"), "icon");
        Files.writeString(app.getParent().resolve("secret.txt"), "outside");
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new SinglePageServlet(root)), "/*");
        server.setHandler(context);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpTester.Response request(String method, String path, String... headers) throws Exception {
        String extra = headers.length == 0 ? "" : String.join("\r\n", headers) + "\r\n";
        return HttpTester.parseResponse(connector.getResponse(method + " " + path + " HTTP/1.1\r\nHost: test\r\n"
                + extra + "Connection: close\r\n\r\n", 5, TimeUnit.SECONDS));
    }

    @Test
    void theAppsRoutesAreItsIndexSoADeepLinkSurvivesAReload() throws Exception {
        start(Optional.of(app));
        for (String path : new String[] {"/", "/chat/agent/channel", "/settings/agent", "/logs"}) {
            HttpTester.Response page = request("GET", path);
            assertThat(page.getStatus()).as(path).isEqualTo(200);
            assertThat(page.get("Content-Type")).startsWith("text/html");
            assertThat(page.get("Cache-Control")).isEqualTo("no-cache");
            assertThat(page.getContent()).isEqualTo(INDEX);
        }
    }

    @Test
    void filesAreServedByJettyWithValidatorsAndRangesAndHashedAssetsAreCachedForGood() throws Exception {
        start(Optional.of(app));
        HttpTester.Response asset = request("GET", "/assets/main-abc.js");
        assertThat(asset.getStatus()).isEqualTo(200);
        assertThat(asset.getContent()).isEqualTo("console.log('app');");
        assertThat(asset.get("Cache-Control")).contains("immutable");
        String etag = asset.get("ETag");
        assertThat(etag).isNotBlank();
        assertThat(request("GET", "/assets/main-abc.js", "If-None-Match: " + etag).getStatus()).isEqualTo(304);
        HttpTester.Response part = request("GET", "/assets/main-abc.js", "Range: bytes=0-6");
        assertThat(part.getStatus()).isEqualTo(206);
        assertThat(part.getContent()).isEqualTo("console");
        assertThat(request("GET", "/favicon.ico").get("Cache-Control")).isNull();
    }

    @Test
    void aMissingFileAndAnUnknownApiPathAreTheServersOwn404Bodies() throws Exception {
        start(Optional.of(app));
        HttpTester.Response missing = request("GET", "/assets/gone.js");
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContent()).isEqualTo(SinglePageServlet.NOT_FOUND);
        HttpTester.Response api = request("POST", "/api/nothing/here");
        assertThat(api.getStatus()).isEqualTo(404);
        assertThat(api.getContent()).isEqualTo(SinglePageServlet.API_NOT_FOUND);
    }

    @Test
    void nothingOutsideTheAppsFolderIsReachable() throws Exception {
        start(Optional.of(app));
        for (String path : new String[] {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt"}) {
            HttpTester.Response response = request("GET", path);
            assertThat(response.getContent()).as(path).doesNotContain("outside");
        }
    }

    @Test
    void onlyGetAndHeadReachTheApp() throws Exception {
        start(Optional.of(app));
        HttpTester.Response post = request("POST", "/chat");
        assertThat(post.getStatus()).isEqualTo(405);
        assertThat(post.get("Allow")).isEqualTo("GET, HEAD");
        assertThat(request("HEAD", "/chat").getStatus()).isEqualTo(200);
    }

    @Test
    void turnedOffItAnswersOnlyThe404Bodies() throws Exception {
        start(Optional.empty());
        HttpTester.Response page = request("GET", "/");
        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContent()).isEqualTo(SinglePageServlet.NOT_FOUND);
        assertThat(request("GET", "/api/x").getContent()).isEqualTo(SinglePageServlet.API_NOT_FOUND);
    }
}
