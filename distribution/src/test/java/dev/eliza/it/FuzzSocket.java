package dev.eliza.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends one HTTP/1.1 request over a plain socket, exactly as given (any method, target, headers and body bytes,
 * even a body shorter than its Content-Length), and reads the whole answer until the server closes.
 */
final class FuzzSocket {
    /** The answer: its status (-1 when the server closed without one) and its body text. */
    record Answer(int status, String body) {
    }

    private final int port;

    FuzzSocket(int port) {
        this.port = port;
    }

    /**
     * Sends the head then {@code body} in pieces of {@code piece} bytes with {@code pauseMs} between them; when
     * {@code stopAfter} is non-negative only that many body bytes are sent and the output is shut, as a client that
     * dies mid-body.
     */
    Answer send(String head, byte[] body, int piece, long pauseMs, int stopAfter) throws IOException,
            InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(40_000);
            OutputStream out = socket.getOutputStream();
            int end = stopAfter >= 0 ? Math.min(stopAfter, body.length) : body.length;
            try {
                out.write(head.getBytes(StandardCharsets.UTF_8));
                for (int at = 0; at < end; at += piece) {
                    out.write(body, at, Math.min(piece, end - at));
                    out.flush();
                    if (pauseMs > 0) {
                        Thread.sleep(pauseMs);
                    }
                }
                out.flush();
                if (stopAfter >= 0) {
                    socket.shutdownOutput();
                }
            } catch (IOException earlyAnswer) {
                // The server may answer (413, 400) and close before reading a body it refuses.
            }
            byte[] answer;
            try {
                answer = socket.getInputStream().readAllBytes();
            } catch (IOException reset) {
                answer = new byte[0];
            }
            return parse(new String(answer, StandardCharsets.UTF_8));
        }
    }

    private static Answer parse(String answer) {
        if (!answer.startsWith("HTTP/1.1 ") || answer.length() < 12) {
            return new Answer(-1, answer);
        }
        int split = answer.indexOf("\r\n\r\n");
        return new Answer(Integer.parseInt(answer.substring(9, 12)), split < 0 ? "" : answer.substring(split + 4));
    }
}
