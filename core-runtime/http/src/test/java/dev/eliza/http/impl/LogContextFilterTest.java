package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import dev.eliza.http.api.DomainContribution;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

class LogContextFilterTest {
    private Server server;
    private LocalConnector connector;
    private final BlockingQueue<Map<String, String>> afterRequests = new LinkedBlockingQueue<>();

    /** Answers with the log context it runs in. */
    @Path("/api/agents/{agentId}/rooms/{roomId}")
    public static final class ContextResource {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String context() {
            return new TreeMap<>(MDC.getCopyOfContextMap()).toString();
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(org.glassfish.jersey.server.ResourceConfig.class.getClassLoader());
        try {
            org.eclipse.jetty.server.Handler domain = JerseyContainers.context(DomainContribution.of("agents",
                    List.of("/api/agents"), new ContextResource()), ObjectMappers.create());
            server.setHandler(new RequestIdHandler(new org.eclipse.jetty.server.Handler.Wrapper(domain) {
                @Override
                public boolean handle(org.eclipse.jetty.server.Request request,
                                      org.eclipse.jetty.server.Response response,
                                      org.eclipse.jetty.util.Callback callback) throws Exception {
                    try {
                        return super.handle(request, response, callback);
                    } finally {
                        Map<String, String> left = MDC.getCopyOfContextMap();
                        afterRequests.add(left == null ? Map.of() : Map.copyOf(left));
                    }
                }
            }));
            server.start();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void theRoutesIdsAndTheRequestIdAreInTheContextWhileTheResourceRunsAndOnlyThen() throws Exception {
        HttpTester.Response response = get("/api/agents/a-1/rooms/r-2", "X-Request-Id: req-9\r\n");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContent()).isEqualTo("{agentId=a-1, requestId=req-9, roomId=r-2}");
        assertThat(afterRequests.poll(5, TimeUnit.SECONDS)).as("what the thread keeps once Jersey is done")
                .isEqualTo(Map.of("requestId", "req-9"));
    }

    @Test
    void aValueThatIsNotShapedLikeAnIdStaysOut() throws Exception {
        HttpTester.Response response = get("/api/agents/a~b/rooms/r-2", "X-Request-Id: req-9\r\n");
        assertThat(response.getContent()).isEqualTo("{requestId=req-9, roomId=r-2}");
    }

    private HttpTester.Response get(String target, String headers) throws Exception {
        return HttpTester.parseResponse(connector.getResponse("GET " + target + " HTTP/1.1\r\nHost: test\r\n" + headers
                + "Connection: close\r\n\r\n", 10, TimeUnit.SECONDS));
    }
}
