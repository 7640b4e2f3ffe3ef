package dev.eliza.providers.audio.openai;

import java.io.IOException;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.audio.api.AudioProviderException;
import dev.eliza.audio.api.AudioProviderException.Reason;

/**
 * A remote answer's status as the audio domain reports it. An authentication failure never echoes the service's
 * message, which may quote part of the key.
 */
final class Responses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 200;

    private Responses() {
    }

    static HttpResponse<byte[]> checked(HttpResponse<byte[]> response, String baseUrl) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        if (status == 401 || status == 403) {
            throw new AudioProviderException(Reason.UNAVAILABLE, "The speech service at " + baseUrl + " refused the"
                    + " credentials (" + status + "): check OPENAI_API_KEY");
        }
        String message = "The speech service answered " + status + message(response.body());
        if (status == 413) {
            throw new AudioProviderException(Reason.TOO_LARGE, message);
        }
        if (status == 400 || status == 404 || status == 415 || status == 422) {
            throw new AudioProviderException(Reason.INVALID_INPUT, message);
        }
        throw new AudioProviderException(Reason.FAILED, message);
    }

    /** OpenAI's {@code error.message}, shortened; nothing when the body says none. */
    private static String message(byte[] body) {
        try {
            String text = JSON.readTree(body).path("error").path("message").asText("");
            if (text.isBlank()) {
                return "";
            }
            return ": " + (text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text);
        } catch (IOException e) {
            return "";
        }
    }
}
