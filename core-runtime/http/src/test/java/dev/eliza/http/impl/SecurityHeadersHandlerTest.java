package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecurityHeadersHandlerTest {
    /** The helmet set of ElizaOS 1.7.2's captures, less the two headers that differ between pages and the API. */
    private static final Map<String, String> EVERYWHERE = Map.of(
            "Content-Security-Policy", SecurityHeadersHandler.DEFAULT_POLICY,
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Resource-Policy", "cross-origin",
            "Origin-Agent-Cluster", "?1",
            "X-Content-Type-Options", "nosniff",
            "X-DNS-Prefetch-Control", "off",
            "X-Download-Options", "noopen",
            "X-Frame-Options", "SAMEORIGIN",
            "X-Permitted-Cross-Domain-Policies", "none",
            "X-XSS-Protection", "0");

    private Server server;
    private LocalConnector connector;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(Set.of("*"));
        cors.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = Request.getPathInContext(request);
                if (path.equals("/boom")) {
                    throw new IllegalStateException("a domain failed");
                }
                if (path.equals("/nobody")) {
                    return false;
                }
                JsonResponses.write(response, 200, "{}", callback);
                return true;
            }
        });
        SecurityHeadersHandler headers = new SecurityHeadersHandler(SecurityHeadersHandler.DEFAULT_POLICY, cors);
        server.setHandler(headers);
        server.setErrorHandler(headers.onErrors(new JsonErrorHandler()));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void apiResponsesGetTheHelmetSetWithHstsAndNoReferrer() throws Exception {
        HttpTester.Response api = get("/api/server/ping", "");
        EVERYWHERE.forEach((name, value) -> assertThat(api.get(name)).as(name).isEqualTo(value));
        assertThat(api.get("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(api.get("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void pagesAndHealthGetItWithoutHsts() throws Exception {
        for (String path : new String[] {"/", "/healthz", "/assets/main.js", "/apiary"}) {
            HttpTester.Response page = get(path, "");
            EVERYWHERE.forEach((name, value) -> assertThat(page.get(name)).as(path + " " + name).isEqualTo(value));
            assertThat(page.get("Referrer-Policy")).as(path).isEqualTo("no-referrer-when-downgrade");
            assertThat(page.get("Strict-Transport-Security")).as(path).isNull();
        }
    }

    @Test
    void errorsAndPreflightsCarryThemToo() throws Exception {
        HttpTester.Response failed = get("/boom", "");
        assertThat(failed.getStatus()).isEqualTo(500);
        HttpTester.Response unowned = get("/nobody", "");
        assertThat(unowned.getStatus()).isEqualTo(404);
        HttpTester.Response preflight = HttpTester.parseResponse(connector.getResponse(
                "OPTIONS /api/agents HTTP/1.1\r\nHost: t\r\nOrigin: http://web.test\r\n"
                + "Access-Control-Request-Method: POST\r\nConnection: close\r\n\r\n", 5, TimeUnit.SECONDS));
        assertThat(preflight.get("Access-Control-Allow-Origin")).isEqualTo("http://web.test");
        for (HttpTester.Response response : new HttpTester.Response[] {failed, unowned, preflight}) {
            EVERYWHERE.forEach((name, value) -> assertThat(response.get(name))
                    .as(response.getStatus() + " " + name).isEqualTo(value));
        }
    }

    @Test
    void theDefaultPolicyAllowsOnlySameOriginScriptsButTheEvalTheWebClientNeeds() {
        String scripts = java.util.Arrays.stream(SecurityHeadersHandler.DEFAULT_POLICY.split(";"))
                .filter(d -> d.startsWith("script-src ")).findFirst().orElseThrow();
        assertThat(scripts).isEqualTo("script-src 'self' 'unsafe-eval'");
        assertThat(SecurityHeadersHandler.DEFAULT_POLICY).contains("style-src 'self' 'unsafe-inline'")
                .contains("connect-src 'self' ws: wss:").contains("object-src 'none'");
    }

    @Test
    void theOperatorsPolicyReplacesTheDefault() throws Exception {
        server.stop();
        server.setHandler(new SecurityHeadersHandler("default-src 'none'", new FixedBodyHandler("{}")));
        server.start();
        assertThat(get("/", "").get("Content-Security-Policy")).isEqualTo("default-src 'none'");
    }

    private HttpTester.Response get(String path, String headers) throws Exception {
        return HttpTester.parseResponse(connector.getResponse("GET " + path + " HTTP/1.1\r\nHost: t\r\n" + headers
                + "Connection: close\r\n\r\n", 5, TimeUnit.SECONDS));
    }
}
