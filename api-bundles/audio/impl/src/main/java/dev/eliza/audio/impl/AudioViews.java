package dev.eliza.audio.impl;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.audio.api.SpeechAudio;
import dev.eliza.audio.api.Voice;
import jakarta.ws.rs.core.Response;

/** The audio routes' bodies: raw audio with its type, or 1.7.2's {@code {success:true,data}}. */
final class AudioViews {
    private AudioViews() {
    }

    static ObjectNode success(ObjectNode data) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("success", true);
        body.set("data", data);
        return body;
    }

    static ObjectNode data() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The audio bytes as the response body, as 1.7.2 sends synthesized speech. */
    static Response.ResponseBuilder audio(SpeechAudio audio) {
        return Response.ok(audio.bytes(), audio.mimeType()).header("Content-Length", audio.length());
    }

    /** The audio inside JSON, for clients that parse every answer as JSON (the api-client's form routes). */
    static ObjectNode audioFields(ObjectNode data, SpeechAudio audio) {
        data.put("audio", Base64.getEncoder().encodeToString(audio.bytes()));
        data.put("mimeType", audio.mimeType());
        data.put("format", format(audio.mimeType()));
        return data;
    }

    static String format(String mimeType) {
        String subtype = mimeType.substring(mimeType.indexOf('/') + 1).toLowerCase(Locale.ROOT);
        return switch (subtype) {
            case "mpeg", "mp3" -> "mp3";
            case "wav", "x-wav", "wave" -> "wav";
            default -> subtype;
        };
    }

    static ArrayNode voices(List<Voice> voices) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Voice voice : voices) {
            list.addObject().put("id", voice.id()).put("name", voice.name()).put("language", voice.language())
                    .put("gender", voice.gender());
        }
        return list;
    }

    /** Whether the client asked for JSON rather than audio ({@code Accept} names JSON and no audio type). */
    static boolean wantsJson(String accept) {
        return accept != null && accept.contains("application/json") && !accept.contains("audio/");
    }
}
