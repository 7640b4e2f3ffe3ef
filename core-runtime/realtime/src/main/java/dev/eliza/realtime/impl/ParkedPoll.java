package dev.eliza.realtime.impl;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * One long-poll handed to the Engine.IO library, answered exactly once. The library answers a waiting poll when it
 * has packets or closes the session, but it looks a session up before it takes the session's lock: a poll that
 * arrives while another thread is closing the session is parked on the dead transport after the close, and never
 * answered. Whoever starts the answer first owns it: the library through {@link #forLibrary()}, or the servlet with
 * {@link #answerClosed} when the session turns out closed once the library has returned.
 */
final class ParkedPoll {
    /** The Engine.IO CLOSE packet: the client closes this session and opens a new one. */
    static final String CLOSE_PACKET = "1";

    private final HttpServletResponse response;
    private final Runnable onAnswer;
    private final AtomicBoolean answered = new AtomicBoolean();

    /** {@code onAnswer} runs once, just before the answer is written. */
    ParkedPoll(HttpServletResponse response, Runnable onAnswer) {
        this.response = response;
        this.onAnswer = onAnswer;
    }

    /** The response the library writes the poll's answer to; what it writes after {@link #answerClosed} is dropped. */
    HttpServletResponse forLibrary() {
        return new HttpServletResponseWrapper(response) {
            @Override
            public ServletOutputStream getOutputStream() throws IOException {
                return claim() ? super.getOutputStream() : new DiscardingStream();
            }

            @Override
            public PrintWriter getWriter() throws IOException {
                return claim() ? super.getWriter() : new PrintWriter(Writer.nullWriter());
            }
        };
    }

    /** Answers the poll with a CLOSE packet and completes it, unless the library has answered it already. */
    void answerClosed(HttpServletRequest request) throws IOException {
        if (!claim()) {
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/plain; charset=UTF-8");
        byte[] body = CLOSE_PACKET.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        if (request.isAsyncStarted()) {
            request.getAsyncContext().complete();
        }
    }

    private boolean claim() {
        if (answered.compareAndSet(false, true)) {
            onAnswer.run();
            return true;
        }
        return false;
    }

    /** Where a second answer goes. */
    private static final class DiscardingStream extends ServletOutputStream {
        @Override
        public void write(int b) {
            // The poll was answered already.
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            // The poll was answered already.
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("This poll was answered already");
        }
    }
}
