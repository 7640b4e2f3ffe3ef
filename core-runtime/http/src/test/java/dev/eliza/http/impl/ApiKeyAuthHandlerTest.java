package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyAuthHandlerTest {
    private Server server;
    private LocalConnector connector;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(new RequestIdHandler(new ApiKeyAuthHandler(ApiKey.of(Optional.of("s3cret")),
                path -> path.equals("/healthz") || path.startsWith("/socket.io/"), new FixedBodyHandler("{}"))));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void missingOrWrongKeysGetTheElizaBody() throws Exception {
        for (String key : new String[] {null, "wrong", "s3cre", "S3CRET", "s3cret2"}) {
            HttpTester.Response response = send("GET", "/api/agents", key);
            assertThat(response.getStatus()).as("key %s", key).isEqualTo(401);
            assertThat(response.getContent()).isEqualTo(ApiKeyAuthHandler.UNAUTHORIZED_BODY);
        }
    }

    @Test
    void theRightKeyPreflightsAndOpenPathsPass() throws Exception {
        assertThat(send("GET", "/api/agents", "s3cret").getStatus()).isEqualTo(200);
        assertThat(send("OPTIONS", "/api/agents", null).getStatus()).isEqualTo(200);
        assertThat(send("GET", "/healthz", null).getStatus()).isEqualTo(200);
        assertThat(send("GET", "/socket.io/?EIO=4&transport=polling", null).getStatus()).isEqualTo(200);
    }

    @Test
    void everyOtherPathNeedsTheKeyEvenOutsideApi() throws Exception {
        for (String path : new String[] {"/hello?agentId=x", "/apiary", "/", "/healthz/x", "/unknown/path"}) {
            assertThat(send("GET", path, null).getStatus()).as(path).isEqualTo(401);
            assertThat(send("POST", path, null).getStatus()).as(path).isEqualTo(401);
            assertThat(send("GET", path, "s3cret").getStatus()).as(path).isEqualTo(200);
        }
    }

    @Test
    void everyAnswerCarriesARequestIdAndASaneCallerIdIsKept() throws Exception {
        assertThat(send("GET", "/api/agents", null).get("X-Request-Id")).hasSize(36);
        HttpTester.Response echoed = HttpTester.parseResponse(connector.getResponse(
                "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Request-Id: trace-42\r\nConnection: close\r\n\r\n"));
        assertThat(echoed.get("X-Request-Id")).isEqualTo("trace-42");
        String insane = "x".repeat(200);
        HttpTester.Response replaced = HttpTester.parseResponse(connector.getResponse(
                "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Request-Id: " + insane + "\r\nConnection: close\r\n\r\n"));
        assertThat(replaced.get("X-Request-Id")).isNotEqualTo(insane).hasSize(36);
    }

    private HttpTester.Response send(String method, String path, String key) throws Exception {
        String header = key == null ? "" : "X-API-KEY: " + key + "\r\n";
        return HttpTester.parseResponse(connector.getResponse(method + " " + path + " HTTP/1.1\r\nHost: t\r\n"
                + header + "Connection: close\r\n\r\n", 5, TimeUnit.SECONDS));
    }
}
