package dev.eliza.messaging.impl.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.messaging.api.MessageOrigin;
import dev.eliza.messaging.api.NewMessage;
import dev.eliza.realtime.api.Acknowledgement;

class SocketHandlersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHANNEL = "a6d7affa-30e2-46ec-a1fd-6849d9ae7728";
    private static final String AGENT = "ba201732-6d0d-0ac4-860a-7d7ab0a712eb";
    private static final String USER = "2eb900c8-1c7e-4458-8ff0-c8625595027b";
    private static final String SERVER = "00000000-0000-0000-0000-000000000000";

    private final InMemoryMessageService messages = new InMemoryMessageService();
    private final RecordingSocket socket = new RecordingSocket();

    private static List<JsonNode> args(String json) throws Exception {
        return List.of(JSON.readTree(json));
    }

    private static String send(String clientId, String text) {
        return "{\"channelId\":\"" + CHANNEL + "\",\"senderId\":\"" + USER + "\",\"senderName\":\"Socket User\","
                + "\"message\":\"" + text + "\",\"messageServerId\":\"" + SERVER + "\",\"source\":\"socketio_capture\","
                + "\"messageId\":\"" + clientId + "\",\"metadata\":{\"channelType\":\"GROUP\"}}";
    }

    @Test
    void joiningTwiceJoinsOnceAndAnswersBothTimesAsTheCaptureShows() throws Exception {
        JoinChannelHandler join = new JoinChannelHandler();
        String payload = "{\"channelId\":\"" + CHANNEL + "\",\"agentId\":\"" + AGENT + "\",\"entityId\":\"" + USER
                + "\",\"messageServerId\":\"" + SERVER + "\"}";
        join.handle(socket, args(payload), Optional.empty());
        join.handle(socket, args(payload), Optional.empty());

        assertEquals(List.of("channel_joined", "room_joined", "channel_joined", "room_joined"), socket.events());
        assertEquals(java.util.Set.of(CHANNEL), socket.rooms());
        assertEquals(JSON.readTree("{\"message\":\"Socket sock-1 successfully joined channel " + CHANNEL + ".\","
                + "\"channelId\":\"" + CHANNEL + "\",\"roomId\":\"" + CHANNEL + "\",\"agentId\":\"" + AGENT + "\"}"),
                socket.last("room_joined"));
    }

    @Test
    void joiningByRoomIdWithoutAgentLeavesAgentIdOut() throws Exception {
        new JoinChannelHandler().handle(socket, args("{\"roomId\":\"" + CHANNEL + "\"}"), Optional.empty());
        assertFalse(socket.last("channel_joined").has("agentId"));
        assertEquals(CHANNEL, socket.last("channel_joined").path("channelId").asText());
    }

    @Test
    void aJoinWithoutAUuidChannelIsAMessageErrorAndJoinsNothing() throws Exception {
        new JoinChannelHandler().handle(socket, args("{\"channelId\":\"nope\"}"), Optional.empty());
        new JoinChannelHandler().handle(socket, List.of(), Optional.empty());
        assertEquals(List.of("messageError", "messageError"), socket.events());
        assertEquals(ChannelJoins.MISSING_CHANNEL, socket.last("messageError").path("error").asText());
        assertTrue(socket.rooms().isEmpty());
    }

    @Test
    void aSendPostsThroughTheServiceAsASocketMessageAndAcksTheSender() throws Exception {
        String clientId = "cd3457bc-b9d6-429f-bc68-7d470b536e4b";
        new SendMessageHandler(messages).handle(socket, args(send(clientId, "hello over socket")), Optional.empty());

        assertEquals(1, messages.posted.size());
        NewMessage posted = messages.posted.get(0);
        assertEquals(UUID.fromString(CHANNEL), posted.channelId());
        assertEquals(UUID.fromString(SERVER), posted.serverId());
        assertEquals(UUID.fromString(USER), posted.authorId());
        assertEquals("Socket User", posted.authorName());
        assertEquals("hello over socket", posted.text());
        assertEquals("socketio_capture", posted.source());
        assertEquals("GROUP", posted.metadata().path("channelType").asText());
        assertEquals(MessageOrigin.SOCKET, posted.origin());
        assertEquals(Optional.of(clientId), posted.clientMessageId());
        assertTrue(posted.createChannel());

        assertEquals(List.of("messageAck"), socket.events());
        assertEquals(JSON.readTree("{\"clientMessageId\":\"" + clientId + "\",\"messageId\":\""
                + messages.stored.get(0).id() + "\",\"status\":\"received_by_server_and_processing\","
                + "\"channelId\":\"" + CHANNEL + "\",\"roomId\":\"" + CHANNEL + "\"}"), socket.last("messageAck"));
    }

    @Test
    void aSendWithoutAClientIdIsAckedWithoutOne() throws Exception {
        new SendMessageHandler(messages).handle(socket, args(send("x", "no client id").replace(
                ",\"messageId\":\"x\"", "")), Optional.empty());
        assertEquals(Optional.empty(), messages.posted.get(0).clientMessageId());
        assertFalse(socket.last("messageAck").has("clientMessageId"));
        assertEquals(messages.stored.get(0).id().toString(), socket.last("messageAck").path("messageId").asText());
    }

    @Test
    void theCapturedBadSendIsRefusedWithTheCapturedErrorAndNothingIsStored() throws Exception {
        new SendMessageHandler(messages).handle(socket, args("{\"channelId\":\"nope\",\"message\":\"\"}"),
                Optional.empty());
        assertEquals(List.of("messageError"), socket.events());
        assertEquals("For SEND_MESSAGE: channelId, messageServerId (message_server_id), senderId (author_id), "
                + "and message are required.", socket.last("messageError").path("error").asText());
        assertTrue(messages.posted.isEmpty());
    }

    @Test
    void aSendWithANonUuidSenderOrNonTextMessageIsRefused() throws Exception {
        SendMessageHandler handler = new SendMessageHandler(messages);
        handler.handle(socket, args(send("c1", "hi").replace(USER, "someone")), Optional.empty());
        handler.handle(socket, args(send("c2", "hi").replace("\"message\":\"hi\"", "\"message\":42")),
                Optional.empty());
        handler.handle(socket, List.of(JSON.readTree("\"just text\"")), Optional.empty());
        assertEquals(List.of("messageError", "messageError", "messageError"), socket.events());
        assertTrue(messages.posted.isEmpty());
    }

    @Test
    void whatTheServiceRefusesReachesTheSenderAsMessageError() throws Exception {
        String tooLong = "x".repeat(dev.eliza.messaging.api.MessageService.MAX_TEXT_LENGTH + 1);
        new SendMessageHandler(messages).handle(socket, args(send("c3", tooLong)), Optional.empty());
        assertEquals(List.of("messageError"), socket.events());
        assertTrue(socket.last("messageError").path("error").asText().contains("4000"));
        assertTrue(messages.stored.isEmpty());
    }

    @Test
    void theEnvelopeJoinsWithType1AndSendsWithType2() throws Exception {
        MessageEnvelopeHandler envelope = new MessageEnvelopeHandler(messages);
        envelope.handle(socket, args("{\"type\":1,\"payload\":{\"channelId\":\"" + CHANNEL + "\"}}"),
                Optional.empty());
        envelope.handle(socket, args("{\"type\":2,\"payload\":" + send("ab17cf2a", "via envelope") + "}"),
                Optional.empty());
        assertEquals(List.of("channel_joined", "room_joined", "messageAck"), socket.events());
        assertEquals("via envelope", messages.posted.get(0).text());
        assertEquals("ab17cf2a", socket.last("messageAck").path("clientMessageId").asText());
    }

    @Test
    void anEnvelopeOfAnotherTypeOrWithoutPayloadIsAMessageError() throws Exception {
        MessageEnvelopeHandler envelope = new MessageEnvelopeHandler(messages);
        envelope.handle(socket, args("{\"type\":5,\"payload\":{}}"), Optional.empty());
        envelope.handle(socket, args("{\"type\":2}"), Optional.empty());
        envelope.handle(socket, args("{\"payload\":{}}"), Optional.empty());
        assertEquals(List.of("messageError", "messageError", "messageError"), socket.events());
        assertEquals(MessageEnvelopeHandler.BAD_TYPE, socket.last("messageError").path("error").asText());
        assertTrue(messages.posted.isEmpty());
    }

    @Test
    void documentedJoinAndLeaveMoveTheSocketAndBadInputIsAnErrorEvent() throws Exception {
        new JoinRoomHandler().handle(socket, args("{\"roomId\":\"" + CHANNEL + "\",\"agentId\":\"" + AGENT + "\"}"),
                Optional.empty());
        assertEquals(java.util.Set.of(CHANNEL), socket.rooms());
        new LeaveRoomHandler().handle(socket, args("{\"roomId\":\"" + CHANNEL + "\"}"), Optional.empty());
        assertTrue(socket.rooms().isEmpty());
        assertEquals(CHANNEL, socket.last("room_left").path("roomId").asText());
        new LeaveRoomHandler().handle(socket, args("{}"), Optional.empty());
        new JoinRoomHandler().handle(socket, args("{\"roomId\":7}"), Optional.empty());
        assertEquals(List.of("channel_joined", "room_joined", "room_left", "error", "error"), socket.events());
    }

    @Test
    void worldStateListsTheSocketsRoomsAndAnswersACallbackToo() throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1_795_452_633_089L), ZoneOffset.UTC);
        socket.join(CHANNEL);
        socket.join("sock-1");
        AtomicReference<Object[]> acked = new AtomicReference<>();
        Acknowledgement ack = acked::set;
        new WorldStateHandler(clock).handle(socket, List.of(), Optional.of(ack));
        JsonNode state = socket.last("world-state");
        assertEquals(JSON.readTree("[\"" + CHANNEL + "\"]"), state.path("rooms"));
        assertEquals(socket.entityId().toString(), state.path("entityId").asText());
        assertEquals(1_795_452_633_089L, state.path("timestamp").asLong());
        assertEquals(state, JSON.valueToTree(acked.get()[0]));
    }
}
