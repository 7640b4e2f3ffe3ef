package dev.eliza.audio.impl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

import dev.eliza.http.api.DomainContribution;
import dev.eliza.http.impl.SliceContexts;

/**
 * The audio routes mounted exactly as the platform mounts them, over fake agents, messaging and speech providers,
 * on an in-memory connector that sends binary bodies (the http test kit's slice sends text only).
 */
final class AudioSlice implements AutoCloseable {
    static final long MAX_BYTES = 4096;

    final FakeAgents agents = new FakeAgents();
    final FakeMessaging messaging = new FakeMessaging();
    final SpeechProviders providers = new SpeechProviders();
    final FakeSpeech offline = new FakeSpeech("offline");
    private final Server server = new Server();
    private final LocalConnector connector = new LocalConnector(server);

    AudioSlice() throws Exception {
        providers.add(offline);
        server.addConnector(connector);
        server.setHandler(SliceContexts.context(DomainContribution.of("audio", List.of("/api/audio"),
                AudioContribution.resources(providers, new AudioAgents(agents, Map.of("ENV_ONLY", "env")), messaging,
                        messaging, MAX_BYTES, Duration.ofSeconds(2)).toArray())));
        server.start();
    }

    HttpTester.Response json(String path, String body) throws Exception {
        return send("POST", path, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    HttpTester.Response get(String path) throws Exception {
        return send("GET", path, Map.of(), null);
    }

    HttpTester.Response multipart(String path, Map<String, String> headers, Part... parts) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.writeBytes(("--XyZ\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.type() == null ? "" : "; filename=\"clip\"\r\nContent-Type: " + part.type())
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes("--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "multipart/form-data; boundary=XyZ");
        return send("POST", path, all, body.toByteArray());
    }

    HttpTester.Response send(String method, String path, Map<String, String> headers, byte[] body) throws Exception {
        HttpTester.Request request = HttpTester.newRequest();
        request.setMethod(method);
        request.setURI(path);
        request.setHeader("Host", "slice");
        headers.forEach(request::setHeader);
        if (body != null) {
            request.setContent(body);
        }
        return HttpTester.parseResponse(connector.getResponse(request.generate()));
    }

    /** A form part: a file when {@code type} is given, else a text field. */
    record Part(String name, String type, byte[] bytes) {
        static Part file(String type, byte[] bytes) {
            return new Part("file", type, bytes);
        }

        static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
