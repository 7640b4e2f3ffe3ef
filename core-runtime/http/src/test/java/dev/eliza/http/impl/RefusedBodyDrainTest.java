package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.eliza.http.api.ApiException;
import dev.eliza.http.api.DomainContribution;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;

class RefusedBodyDrainTest {
    private static final Server SERVER = new Server();
    private static ServerConnector connector;

    @BeforeAll
    static void start() throws Exception {
        connector = new ServerConnector(SERVER);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        SERVER.addConnector(connector);
        SERVER.setHandler(JerseyContainers.context(
                DomainContribution.of("uploads", List.of("/api/uploads"), new UploadResource()),
                ObjectMappers.create()));
        SERVER.start();
    }

    @AfterAll
    static void stop() throws Exception {
        SERVER.stop();
    }

    @Test
    void aRequestRefusedBeforeItsBodyIsReadIsAnsweredAfterTheBodyOnAConnectionKeptOpen() throws IOException {
        String body = "x".repeat(200_000);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), connector.getLocalPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            out.write(headers("/api/uploads/unknown", body.length()).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            out.write(body.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            List<String> refused = response(in);
            assertThat(refused.get(0)).contains(" 404 ");
            assertThat(refused).noneMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("connection: close"));

            out.write(headers("/api/uploads/known", 2).getBytes(StandardCharsets.ISO_8859_1));
            out.write("ok".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(response(in).get(0)).contains(" 200 ");
        }
    }

    private static String headers(String path, int length) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + length + "\r\n\r\n";
    }

    /** The status line and headers of one response, its body skipped by its length. */
    private static List<String> response(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            lines.add(line);
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        assertThat(in.skip(length)).isEqualTo(length);
        return lines;
    }

    /** Refuses an unknown owner from the path alone, as the upload routes do, before reading the body. */
    @Path("/api/uploads")
    public static final class UploadResource {
        @POST
        @Path("{owner}")
        public String upload(@PathParam("owner") String owner, @Context HttpServletRequest request)
                throws IOException {
            if (!owner.equals("known")) {
                throw ApiException.notFound("NOT_FOUND", "No such owner");
            }
            return "stored " + request.getInputStream().readAllBytes().length;
        }
    }
}
