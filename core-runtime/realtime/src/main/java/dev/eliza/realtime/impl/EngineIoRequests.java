package dev.eliza.realtime.impl;

import java.io.ByteArrayInputStream;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** The views of a checked request that the Engine.IO library is given instead of the request itself. */
final class EngineIoRequests {
    private EngineIoRequests() {
    }

    /** The request with its query in {@link EngineIoQuery#canonical() canonical} form. */
    static HttpServletRequest canonical(HttpServletRequest request, EngineIoQuery query) {
        String canonical = query.canonical();
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getQueryString() {
                return canonical;
            }
        };
    }

    /**
     * The request with a body already read and checked. The library reads exactly {@link #getContentLength()}
     * bytes, so it gets the real count whatever the client declared (or did not, for a chunked body).
     */
    static HttpServletRequest withBody(HttpServletRequest request, EngineIoQuery query, byte[] body) {
        return new HttpServletRequestWrapper(canonical(request, query)) {
            @Override
            public int getContentLength() {
                return body.length;
            }

            @Override
            public long getContentLengthLong() {
                return body.length;
            }

            @Override
            public ServletInputStream getInputStream() {
                return new BodyStream(body);
            }
        };
    }

    /** A body in memory; a single read returns all of it, which the library's read loop relies on. */
    private static final class BodyStream extends ServletInputStream {
        private final ByteArrayInputStream bytes;

        BodyStream(byte[] body) {
            this.bytes = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("The body has already been read");
        }
    }
}
