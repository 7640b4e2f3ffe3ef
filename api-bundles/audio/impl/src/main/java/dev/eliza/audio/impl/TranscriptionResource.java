package dev.eliza.audio.impl;

import java.io.InputStream;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.InvalidMessageException;
import dev.eliza.messaging.api.UnknownChannelException;
import dev.eliza.http.api.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Speech to text: {@code POST /transcriptions} (1.7.2, and the documents' {@code /transcribe}) answers the words;
 * {@code POST /audio-messages} (and {@code /message}) also posts them as the user's channel message to the agent.
 * A multipart {@code file}; a multipart body is what a foreign page can send without asking, so the HTTP bundle
 * refuses it from another origin unless it carries the API key.
 */
@Path("/api/audio/{agentId}")
@Produces(MediaType.APPLICATION_JSON)
public final class TranscriptionResource {
    private final AudioAgents agents;
    private final Speech speech;
    private final Conversation conversation;
    private final long maxBytes;

    TranscriptionResource(AudioAgents agents, Speech speech, Conversation conversation, long maxBytes) {
        this.agents = agents;
        this.speech = speech;
        this.conversation = conversation;
        this.maxBytes = maxBytes;
    }

    @POST
    @Path("transcriptions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ObjectNode transcriptions(@PathParam("agentId") String agentId,
                                     @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
        // Read first, as 1.7.2's multer does: answering before the body is read makes Jetty close the connection
        // under a client still sending, which then sees a reset instead of the answer.
        AudioUpload upload = AudioUpload.read(type, body, maxBytes);
        UUID id = AudioAgents.id(agentId);
        Agent agent = agents.find(id);
        return AudioViews.success(AudioViews.data().put("text", speech.transcribe(agent, upload).text()));
    }

    @POST
    @Path("transcribe")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ObjectNode transcribe(@PathParam("agentId") String agentId,
                                 @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
        return transcriptions(agentId, type, body);
    }

    @POST
    @Path("audio-messages")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ObjectNode audioMessages(@PathParam("agentId") String agentId,
                                    @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
        // Read first, as 1.7.2's multer does: answering before the body is read makes Jetty close the connection
        // under a client still sending, which then sees a reset instead of the answer.
        AudioUpload upload = AudioUpload.read(type, body, maxBytes);
        UUID id = AudioAgents.id(agentId);
        Agent agent = agents.find(id);
        String text = speech.transcribe(agent, upload).text();
        if (text.isBlank()) {
            throw AudioErrors.noSpeech();
        }
        Conversation.Speaker speaker = Conversation.speaker(id, Fields.of(upload.fields()));
        ChannelMessage posted;
        try {
            posted = conversation.post(agent, speaker, text, "audio_message");
        } catch (InvalidMessageException e) {
            throw AudioErrors.invalid(e.getMessage());
        } catch (UnknownChannelException e) {
            throw new ApiException(404, "NOT_FOUND", "Channel or server not found");
        }
        return AudioViews.success(AudioViews.data().put("transcription", text)
                .put("message", "Audio transcribed and posted to the channel")
                .put("messageId", posted.id().toString()).put("channelId", posted.channelId().toString())
                .put("serverId", posted.serverId().toString()).put("authorId", posted.authorId().toString()));
    }

    @POST
    @Path("message")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ObjectNode message(@PathParam("agentId") String agentId,
                              @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
        return audioMessages(agentId, type, body);
    }
}
