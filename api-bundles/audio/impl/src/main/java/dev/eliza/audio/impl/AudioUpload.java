package dev.eliza.audio.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;

import dev.eliza.http.api.ApiException;

/**
 * A multipart upload's {@code file} part and its text fields, parsed by Jetty's bounded parser: the file may not be
 * larger than the limit (413 as soon as it is, before the rest is read), and the other fields stay small.
 *
 * @param audio the file's bytes
 * @param mimeType its audio type (declared, or recognized from its first bytes)
 * @param fields the other parts, as text
 */
record AudioUpload(byte[] audio, String mimeType, Map<String, String> fields) {
    private static final int MAX_FIELD_BYTES = 64 * 1024;
    private static final int MAX_PARTS = 16;
    private static final Duration READ_LIMIT = Duration.ofMinutes(2);

    /** A field's value, if sent and not blank. */
    Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    static AudioUpload read(String contentType, InputStream body, long maxBytes) {
        String boundary = contentType == null ? null : MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw AudioErrors.invalid("A multipart/form-data body with a boundary is required");
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxFileSize(maxBytes);
        parser.setMaxLength(maxBytes + MAX_PARTS * MAX_FIELD_BYTES);
        // Kept in memory up to the limit: no temporary files to clean up, and the limit bounds the memory.
        parser.setMaxMemoryFileSize(maxBytes + 1);
        parser.setMaxParts(MAX_PARTS);
        try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(body))
                .get(READ_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            return of(parts);
        } catch (ExecutionException e) {
            throw refusal(e.getCause(), maxBytes);
        } catch (TimeoutException e) {
            throw AudioErrors.invalid("The upload did not arrive in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AudioErrors.invalid("The upload was interrupted");
        }
    }

    private static AudioUpload of(MultiPartFormData.Parts parts) {
        MultiPart.Part file = parts.getFirst("file");
        if (file == null) {
            throw AudioErrors.noFile();
        }
        byte[] audio;
        try (InputStream in = Content.Source.asInputStream(file.getContentSource())) {
            audio = in.readAllBytes();
        } catch (IOException e) {
            throw AudioErrors.invalid("The audio file could not be read");
        }
        if (audio.length == 0) {
            throw AudioErrors.invalid("The audio file is empty");
        }
        String declared = file.getHeaders().get(HttpHeader.CONTENT_TYPE);
        byte[] head = audio.length > 16 ? java.util.Arrays.copyOf(audio, 16) : audio;
        String type = AudioTypes.of(declared, head).orElseThrow(AudioErrors::invalidType);
        Map<String, String> fields = new HashMap<>();
        for (MultiPart.Part part : parts) {
            if (!"file".equals(part.getName()) && part.getName() != null && part.getLength() <= MAX_FIELD_BYTES) {
                fields.putIfAbsent(part.getName(), part.getContentAsString(StandardCharsets.UTF_8));
            }
        }
        return new AudioUpload(audio, type, Map.copyOf(fields));
    }

    /** The parser's or the server's refusal as the client's mistake: over a limit 413, else 400. */
    private static ApiException refusal(Throwable cause, long maxBytes) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpException http && http.getCode() == 413 || t.getMessage() != null
                    && t.getMessage().startsWith("max ") && t.getMessage().contains("exceeded")) {
                return AudioErrors.tooLarge(maxBytes);
            }
        }
        return AudioErrors.invalid("Malformed multipart/form-data body");
    }
}
