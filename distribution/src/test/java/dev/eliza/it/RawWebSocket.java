package dev.eliza.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A WebSocket client on a plain socket that reads only when told to, so a test can play a client that stops
 * reading: its receive buffer is small, so what the server sends piles up on the server's side.
 */
final class RawWebSocket implements AutoCloseable {
    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final OutputStream out;

    RawWebSocket(int port, String target) throws IOException {
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(20_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("Upgrade refused: " + head);
        }
    }

    /** Sends one masked text frame (the mask is zero: masking is required, its value is not). */
    void send(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x81);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        }
        out.write(new byte[4]);
        out.write(payload);
        out.flush();
    }

    /** The next text frame's payload; empty at the end of the stream. */
    Optional<String> next() throws IOException {
        int first = in.read();
        if (first < 0) {
            return Optional.empty();
        }
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return Optional.of(new String(payload, StandardCharsets.UTF_8));
    }

    /** Reads frames until one starts with {@code prefix}. */
    String await(String prefix) throws IOException {
        for (Optional<String> frame = next(); frame.isPresent(); frame = next()) {
            if (frame.get().startsWith(prefix)) {
                return frame.get();
            }
        }
        throw new IOException("Stream ended before a frame starting with " + prefix);
    }

    /** Reads everything left until the server closes the connection; returns how many bytes that was. */
    long drain() throws IOException {
        long total = 0;
        byte[] buffer = new byte[65_536];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            total += read;
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
