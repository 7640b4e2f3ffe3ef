package dev.eliza.media.impl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A {@code multipart/form-data} body built by hand, as curl's {@code -F} sends it. */
final class Multipart {
    static final String BOUNDARY = "------------------------85279abee6fdda70";
    static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart file(String field, String filename, String type, byte[] content) {
        head("Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + type + "\r\n");
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    Multipart field(String name, String value) {
        head("Content-Disposition: form-data; name=\"" + name + "\"\r\n");
        body.writeBytes((value + "\r\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private void head(String headers) {
        body.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        ByteArrayOutputStream done = new ByteArrayOutputStream();
        done.writeBytes(body.toByteArray());
        done.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return done.toByteArray();
    }
}
