package dev.eliza.realtime.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.EngineIoWebSocket;

/** Room broadcasts through the real Engine.IO library: one encode per broadcast, the same bytes to every member. */
class SharedFrameFanOutTest {
    /** A WebSocket connection that records what the library and the shared-frame path write to it. */
    private static final class RecordingWebSocket extends EngineIoWebSocket implements FrameWriter {
        final List<String> libraryWrites = new CopyOnWriteArrayList<>();
        final List<SharedFrame> sharedWrites = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, String> getQuery() {
            return Map.of("EIO", "4", "transport", "websocket");
        }

        @Override
        public Map<String, List<String>> getConnectionHeaders() {
            return Map.of();
        }

        @Override
        public void write(String message) {
            libraryWrites.add(message);
        }

        @Override
        public void write(byte[] message) {
            throw new AssertionError("no binary frames expected");
        }

        @Override
        public void write(SharedFrame frame) {
            sharedWrites.add(frame);
        }

        @Override
        public void close() {
            emit("close");
        }
    }

    private final EventFrames frames = new EventFrames(new ObjectMapper());
    private final SocketRegistry registry = new SocketRegistry(frames);
    private final List<Outbox> outboxes = new CopyOnWriteArrayList<>();
    private final EngineIoServer engine = new EngineIoServer(EngineIoServerOptions.newFromDefault());

    SharedFrameFanOutTest() {
        engine.on("connection", args -> outboxes.add(new Outbox((EngineIoSocket) args[0], 1_000_000, () -> { })));
    }

    @AfterEach
    void stop() {
        engine.shutdown();
    }

    private ConnectedSocket connect(RecordingWebSocket webSocket, boolean announcedAsHandling) {
        if (announcedAsHandling) {
            FrameWriter.handling(webSocket, () -> engine.handleWebSocket(webSocket));
        } else {
            engine.handleWebSocket(webSocket);
        }
        Outbox outbox = outboxes.get(outboxes.size() - 1);
        ConnectedSocket socket = new ConnectedSocket(UUID.randomUUID().toString(), UUID.randomUUID(), outbox,
                registry, frames);
        registry.add(socket);
        return socket;
    }

    private static String text(ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void everyWebSocketMemberGetsTheSameEncodedFrameAndTheLibraryEncodesNothing() {
        List<RecordingWebSocket> members = List.of(new RecordingWebSocket(), new RecordingWebSocket(),
                new RecordingWebSocket());
        members.forEach(member -> connect(member, true).join("room"));
        RecordingWebSocket outsider = new RecordingWebSocket();
        connect(outsider, true);

        registry.toRoom("room", "messageBroadcast", Map.of("text", "hé"));

        SharedFrame first = members.get(0).sharedWrites.get(0);
        for (RecordingWebSocket member : members) {
            assertThat(member.sharedWrites).hasSize(1);
            assertThat(member.sharedWrites.get(0)).isSameAs(first);
            assertThat(member.libraryWrites).allMatch(written -> written.startsWith("0{"), "only the open packet");
        }
        assertThat(outsider.sharedWrites).isEmpty();
        assertThat(text(first.engineIoPayload())).isEqualTo("42[\"messageBroadcast\",{\"text\":\"hé\"}]");
        // Each receiver reads its own view: reading one leaves the bytes whole for the next.
        assertThat(text(first.engineIoPayload())).isEqualTo(text(first.engineIoPayload()));
        assertThat(first.size()).isEqualTo("42[\"messageBroadcast\",{\"text\":\"hé\"}]".length());
    }

    @Test
    void aConnectionNotKnownToBeOnWebSocketStaysOnTheLibrarysPath() {
        RecordingWebSocket unknown = new RecordingWebSocket();
        connect(unknown, false).join("room");
        RecordingWebSocket direct = new RecordingWebSocket();
        connect(direct, true).join("room");

        registry.toRoom("room", "messageDeleted", Map.of("messageId", "m1"));

        assertThat(unknown.sharedWrites).isEmpty();
        assertThat(unknown.libraryWrites).contains("42[\"messageDeleted\",{\"messageId\":\"m1\"}]");
        assertThat(text(direct.sharedWrites.get(0).engineIoPayload()))
                .isEqualTo("42[\"messageDeleted\",{\"messageId\":\"m1\"}]");
        assertThat(outboxes.get(0).writesDirectly()).isFalse();
        assertThat(outboxes.get(1).writesDirectly()).isTrue();
    }

    @Test
    void aSingleEmitTakesTheDirectPathTooAndDisconnectionRunsItsActionsOnce() {
        RecordingWebSocket webSocket = new RecordingWebSocket();
        ConnectedSocket socket = connect(webSocket, true);
        socket.emit("messageAck", Map.of("status", "received_by_server_and_processing"));
        assertThat(text(webSocket.sharedWrites.get(0).engineIoPayload()))
                .isEqualTo("42[\"messageAck\",{\"status\":\"received_by_server_and_processing\"}]");

        List<String> ran = new CopyOnWriteArrayList<>();
        socket.onDisconnect(() -> ran.add("first"));
        registry.remove(socket);
        registry.remove(socket);
        socket.onDisconnect(() -> ran.add("late"));
        assertThat(ran).containsExactly("first", "late");
    }
}
