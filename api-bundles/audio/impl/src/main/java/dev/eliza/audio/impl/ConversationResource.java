package dev.eliza.audio.impl;

import java.io.InputStream;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.audio.api.SpeechAudio;
import dev.eliza.audio.api.SpeechProvider;
import dev.eliza.audio.api.SpeechProvider.Capability;
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
 * Talking with the agent by voice: {@code POST /speech/conversation} (always 500 in 1.7.2) and the documents'
 * {@code /conversation} take {@code {text, entityId?, roomId?, userName?}}, pass the words to the agent through
 * messaging and answer its reply spoken, as audio bytes. The api-client sends a recording instead (multipart
 * {@code file}, also to {@code /speech}): it is transcribed first, and since that client parses the answer as JSON
 * it gets {@code {text, transcription, audio (base64), mimeType, format, metadata}}. {@code POST /speech} with JSON
 * is plain text to speech; {@code GET /conversation/status} tells whether the agent can talk now.
 */
@Path("/api/audio/{agentId}")
public final class ConversationResource {
    private final AudioAgents agents;
    private final Speech speech;
    private final Conversation conversation;
    private final SpeechResource speaking;
    private final long maxBytes;

    ConversationResource(AudioAgents agents, Speech speech, Conversation conversation, SpeechResource speaking,
                         long maxBytes) {
        this.agents = agents;
        this.speech = speech;
        this.conversation = conversation;
        this.speaking = speaking;
        this.maxBytes = maxBytes;
    }

    @POST
    @Path("speech/conversation")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response conversation(@PathParam("agentId") String agentId,
                                 @HeaderParam(HttpHeaders.ACCEPT) String accept, JsonNode body) {
        UUID id = AudioAgents.id(agentId);
        Fields fields = Fields.of(body);
        String text = fields.requiredText("Text is required for conversation", SpeechProvider.MAX_TEXT_LENGTH);
        Agent agent = runningAgent(id);
        Spoken spoken = talk(agent, Conversation.speaker(id, fields), text, fields);
        if (AudioViews.wantsJson(accept)) {
            return json(spoken, null);
        }
        Conversation.Exchange exchange = spoken.exchange();
        return AudioViews.audio(spoken.audio()).header("X-Channel-Id", exchange.posted().channelId())
                .header("X-Message-Id", exchange.posted().id()).header("X-Reply-Id", exchange.reply().id()).build();
    }

    @POST
    @Path("speech/conversation")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response spokenConversation(@PathParam("agentId") String agentId,
                                       @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
        // Read first, as 1.7.2's multer does: answering before the body is read makes Jetty close the connection
        // under a client still sending, which then sees a reset instead of the answer.
        AudioUpload upload = AudioUpload.read(type, body, maxBytes);
        UUID id = AudioAgents.id(agentId);
        Agent agent = runningAgent(id);
        String heard = speech.transcribe(agent, upload).text();
        if (heard.isBlank()) {
            throw AudioErrors.noSpeech();
        }
        Fields fields = Fields.of(upload.fields());
        return json(talk(agent, Conversation.speaker(id, fields), heard, fields), heard);
    }

    @POST
    @Path("conversation")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response documentedConversation(@PathParam("agentId") String agentId,
                                           @HeaderParam(HttpHeaders.ACCEPT) String accept, JsonNode body) {
        return conversation(agentId, accept, body);
    }

    @POST
    @Path("conversation")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response documentedSpokenConversation(@PathParam("agentId") String agentId,
                                                 @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                                                 InputStream body) {
        return spokenConversation(agentId, type, body);
    }

    @POST
    @Path("speech")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response speech(@PathParam("agentId") String agentId, @HeaderParam(HttpHeaders.ACCEPT) String accept,
                           JsonNode body) {
        return speaking.speak(agentId, accept, body, false);
    }

    @POST
    @Path("speech")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response processSpeech(@PathParam("agentId") String agentId,
                                  @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
        return spokenConversation(agentId, type, body);
    }

    @GET
    @Path("conversation/status")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode status(@PathParam("agentId") String agentId) {
        Agent agent = agents.find(AudioAgents.id(agentId));
        boolean running = agents.running(agent.id());
        Speech.Availability speaks = speech.availability(agent, Capability.SPEECH);
        Speech.Availability hears = speech.availability(agent, Capability.TRANSCRIPTION);
        ObjectNode data = AudioViews.data().put("agentId", agent.id().toString()).put("agentName", agent.name())
                .put("running", running)
                .put("available", running && speaks.reason().isEmpty() && hears.reason().isEmpty());
        data.set("speech", availability(speaks));
        data.set("transcription", availability(hears));
        return AudioViews.success(data);
    }

    private record Spoken(Conversation.Exchange exchange, SpeechAudio audio) {
    }

    /** The provider is checked before posting, so an agent that cannot speak gets no message it would answer. */
    private Spoken talk(Agent agent, Conversation.Speaker speaker, String text, Fields fields) {
        speech.choose(agent, Capability.SPEECH);
        Conversation.Exchange exchange = conversation.converse(agent, speaker, text, "audio_conversation");
        String reply = exchange.reply().text();
        String spoken = reply.length() > SpeechProvider.MAX_TEXT_LENGTH
                ? reply.substring(0, SpeechProvider.MAX_TEXT_LENGTH) : reply;
        return new Spoken(exchange, speech.synthesize(agent, spoken, fields.text("voice")));
    }

    private Agent runningAgent(UUID id) {
        Agent agent = agents.find(id);
        if (!agents.running(id)) {
            throw AudioErrors.agentNotRunning();
        }
        return agent;
    }

    private static Response json(Spoken spoken, String heard) {
        Conversation.Exchange exchange = spoken.exchange();
        ObjectNode data = AudioViews.audioFields(AudioViews.data().put("text", exchange.reply().text()),
                spoken.audio());
        if (heard != null) {
            data.put("transcription", heard);
        }
        data.putObject("metadata").put("channelId", exchange.posted().channelId().toString())
                .put("messageId", exchange.posted().id().toString())
                .put("replyId", exchange.reply().id().toString());
        return Response.ok(AudioViews.success(data), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static ObjectNode availability(Speech.Availability availability) {
        ObjectNode view = AudioViews.data().put("provider", availability.provider())
                .put("available", availability.reason().isEmpty());
        availability.reason().ifPresent(r -> view.put("reason", r));
        return view;
    }
}
