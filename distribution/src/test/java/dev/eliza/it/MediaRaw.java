package dev.eliza.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Media test helpers: {@code multipart/form-data} bodies as curl's {@code -F} builds them, and a raw HTTP/1.1 GET
 * that puts a target on the wire exactly as written (HTTP clients normalise {@code ..} and escapes away).
 */
final class MediaRaw {
    static final String BOUNDARY = "------------------------3c25f811d754692f";
    static final String FORM = "multipart/form-data; boundary=" + BOUNDARY;

    private MediaRaw() {
    }

    /** A form with one {@code file} part. */
    static byte[] form(String filename, String type, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    /** The status and body of {@code GET target} with these headers, over a fresh connection. */
    static Map.Entry<Integer, String> get(int port, String target, Map<String, String> headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            return Map.entry(status, split < 0 ? "" : response.substring(split + 4));
        }
    }
}
