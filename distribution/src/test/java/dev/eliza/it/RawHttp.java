package dev.eliza.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for requests no HTTP client library sends: malformed
 * percent-escapes, any method, chunked bodies, WebSocket upgrades with any query.
 */
final class RawHttp {
    /** The status, or -1 when the server reset the connection while the body was still being sent. */
    record Reply(int status, String body) {
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    Reply send(String method, String target, String contentType, byte[] body, boolean chunked) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (chunked) {
            head.append("Transfer-Encoding: chunked\r\n");
        } else if (body.length > 0 || "POST".equals(method)) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        return exchange(head.toString(), chunked ? chunk(body) : body, true);
    }

    /**
     * A WebSocket upgrade request; 101 means the upgrade was accepted. Only the status is read: the connection
     * is dropped after it either way, since a refused upgrade may keep the connection open.
     */
    int upgrade(String target) throws IOException {
        String head = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        return exchange(head, new byte[0], false).status();
    }

    private Reply exchange(String head, byte[] body, boolean readBody) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            boolean sent = false;
            try {
                out.write(head.getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.flush();
                sent = true;
            } catch (IOException earlyAnswer) {
                // The server may answer (413) and close before reading a body it refuses.
            }
            InputStream in = socket.getInputStream();
            try {
                String responseHead = readHead(in);
                int status = Integer.parseInt(responseHead.substring(9, 12));
                return new Reply(status, readBody ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "");
            } catch (SocketTimeoutException hung) {
                throw hung;
            } catch (IOException reset) {
                if (!sent) {
                    return new Reply(-1, "");
                }
                throw reset;
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed before a response head: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] chunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 8192) {
            int length = Math.min(8192, body.length - at);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
