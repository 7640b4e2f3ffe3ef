package dev.eliza.audio.impl;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.audio.api.SpeechAudio;
import dev.eliza.audio.api.SpeechProvider;
import dev.eliza.audio.api.SpeechProvider.Capability;
import dev.eliza.http.api.ApiException;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.MessageService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Text to speech: {@code POST /speech/generate}, {@code /audio-messages/synthesize} (both always 500 in 1.7.2)
 * and the documents' {@code /synthesize} answer the audio itself with its {@code Content-Type}; {@code GET /voices}
 * lists the agent's provider's voices. The api-client's {@code synthesizeAudioMessage} sends a {@code messageId}
 * and parses the answer as JSON, so that form gets {@code {audio (base64), format, mimeType}}, as does an
 * {@code Accept} of JSON alone.
 */
@Path("/api/audio/{agentId}")
public final class SpeechResource {
    private final AudioAgents agents;
    private final Speech speech;
    private final MessageService messages;

    SpeechResource(AudioAgents agents, Speech speech, MessageService messages) {
        this.agents = agents;
        this.speech = speech;
        this.messages = messages;
    }

    @POST
    @Path("speech/generate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response generate(@PathParam("agentId") String agentId, @HeaderParam(HttpHeaders.ACCEPT) String accept,
                             JsonNode body) {
        return speak(agentId, accept, body, false);
    }

    @POST
    @Path("audio-messages/synthesize")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response synthesizeMessage(@PathParam("agentId") String agentId,
                                      @HeaderParam(HttpHeaders.ACCEPT) String accept, JsonNode body) {
        return speak(agentId, accept, body, true);
    }

    @POST
    @Path("synthesize")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response synthesize(@PathParam("agentId") String agentId, @HeaderParam(HttpHeaders.ACCEPT) String accept,
                               JsonNode body) {
        return speak(agentId, accept, body, true);
    }

    @GET
    @Path("voices")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode voices(@PathParam("agentId") String agentId) {
        Agent agent = agents.find(AudioAgents.id(agentId));
        Speech.Chosen chosen = speech.choose(agent, Capability.SPEECH);
        ObjectNode data = AudioViews.data().put("provider", chosen.provider().id())
                .put("defaultVoice", chosen.provider().defaultVoice(chosen.settings()));
        data.set("voices", AudioViews.voices(speech.voices(chosen)));
        return AudioViews.success(data);
    }

    /** Checks in 1.7.2's order (id, text, agent), then speaks; JSON for the JSON-only forms. */
    Response speak(String agentId, String accept, JsonNode body, boolean messageIdForm) {
        UUID id = AudioAgents.id(agentId);
        Fields fields = Fields.of(body);
        Optional<String> messageId = messageIdForm && fields.text("text").isEmpty() ? fields.text("messageId")
                : Optional.empty();
        String text = messageId.isPresent() ? textOf(messageId.get())
                : fields.requiredText("Text is required for speech synthesis", SpeechProvider.MAX_TEXT_LENGTH);
        Agent agent = agents.find(id);
        SpeechAudio audio = speech.synthesize(agent, text, fields.text("voice"));
        if (messageId.isPresent() || AudioViews.wantsJson(accept)) {
            ObjectNode data = AudioViews.audioFields(AudioViews.data(), audio);
            messageId.ifPresent(m -> data.put("messageId", m));
            return Response.ok(AudioViews.success(data), MediaType.APPLICATION_JSON_TYPE).build();
        }
        return AudioViews.audio(audio).build();
    }

    private String textOf(String messageId) {
        UUID id;
        try {
            id = UUID.fromString(messageId);
        } catch (IllegalArgumentException e) {
            throw AudioErrors.invalid("Invalid message ID format");
        }
        ChannelMessage message = messages.message(id)
                .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "Message not found"));
        String text = message.text();
        return text.length() > SpeechProvider.MAX_TEXT_LENGTH ? text.substring(0, SpeechProvider.MAX_TEXT_LENGTH)
                : text;
    }
}
