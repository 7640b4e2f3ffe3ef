package dev.eliza.realtime.impl;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.eliza.realtime.api.Acknowledgement;
import io.socket.engineio.server.EngineIoSocket;

/**
 * The Socket.IO v5 session on one Engine.IO connection: the authenticated CONNECT (answered with CONNECT or
 * CONNECT_ERROR, as ElizaOS does), then events, acknowledgements and DISCONNECT. Only the default namespace.
 * Malformed packets are ignored. What waits to be written is bounded: past it the client is disconnected.
 */
final class SocketIoConnection {
    private static final Logger LOG = LoggerFactory.getLogger(SocketIoConnection.class);
    private static final SecureRandom IDS = new SecureRandom();

    private final EngineIoSocket connection;
    private final Realtime realtime;
    private final Outbox outbox;
    private volatile ConnectedSocket socket;

    /** What every connection shares; {@code maxBufferedBytes} bounds each connection's unwritten packets. */
    record Realtime(HandshakeAuth auth, SocketRegistry registry, EventDispatcher dispatcher, EventFrames frames,
                    ObjectMapper mapper, Clock clock, long maxBufferedBytes) {
    }

    SocketIoConnection(EngineIoSocket connection, Realtime realtime) {
        this.connection = connection;
        this.realtime = realtime;
        this.outbox = new Outbox(connection, realtime.maxBufferedBytes(), this::tooSlow);
        connection.on("message", (source, args) -> {
            if (args.length > 0 && args[0] instanceof String text) {
                receive(text);
            }
        });
        connection.on("close", (source, args) -> disconnect());
    }

    private void receive(String text) {
        Optional<SocketIoPacket> decoded = SocketIoPacket.decode(text);
        if (decoded.isEmpty()) {
            LOG.debug("Ignoring a malformed Socket.IO packet on {}", connection.getId());
            return;
        }
        SocketIoPacket packet = decoded.get();
        if (!"/".equals(packet.namespace())) {
            if (packet.type() == SocketIoPacket.CONNECT) {
                sendRaw(realtime.frames().connectError(packet.namespace(), "Invalid namespace"));
            }
            return;
        }
        switch (packet.type()) {
            case SocketIoPacket.CONNECT -> connect(packet);
            case SocketIoPacket.EVENT -> event(packet);
            case SocketIoPacket.DISCONNECT -> disconnect();
            default -> LOG.debug("Ignoring Socket.IO packet type {} on {}", packet.type(), connection.getId());
        }
    }

    private void connect(SocketIoPacket packet) {
        if (socket != null) {
            return;
        }
        JsonNode auth = packet.json().map(this::parse).orElse(MissingNode.getInstance());
        HandshakeAuth.Outcome outcome = realtime.auth().check(auth, connection.getInitialHeaders());
        if (outcome.entityId().isEmpty()) {
            sendRaw(realtime.frames().connectError("/", outcome.refusal()));
            return;
        }
        ConnectedSocket connected = new ConnectedSocket(newId(), outcome.entityId().get(), outbox,
                realtime.registry(), realtime.frames());
        socket = connected;
        realtime.registry().add(connected);
        sendRaw(realtime.frames().connect(connected.id()));
        Map<String, Object> authenticated = new LinkedHashMap<>();
        authenticated.put("entityId", connected.entityId().toString());
        authenticated.put("timestamp", realtime.clock().millis());
        connected.emit("authenticated", authenticated);
        Map<String, Object> established = new LinkedHashMap<>();
        established.put("message", "Connected to Eliza Socket.IO server");
        established.put("socketId", connected.id());
        connected.emit("connection_established", established);
    }

    private void event(SocketIoPacket packet) {
        ConnectedSocket current = socket;
        JsonNode array = packet.json().map(this::parse).orElse(MissingNode.getInstance());
        if (current == null || !array.isArray() || array.isEmpty() || !array.get(0).isTextual()) {
            return;
        }
        List<JsonNode> args = new ArrayList<>();
        array.forEach(args::add);
        String event = args.remove(0).asText();
        Optional<Acknowledgement> ack = packet.ackId() < 0 ? Optional.empty()
                : Optional.of(new OnceAcknowledgement(packet.ackId()));
        realtime.dispatcher().dispatch(current, event, args, ack);
    }

    private void disconnect() {
        ConnectedSocket current = socket;
        socket = null;
        if (current != null) {
            realtime.registry().remove(current);
        }
    }

    /**
     * The client has more waiting than the bound allows: it is not reading. It leaves the registry (so broadcasts
     * skip it) and its connection closes; the library then takes no more packets for it.
     */
    private void tooSlow() {
        LOG.info("Disconnecting Engine.IO session {}: more than {} bytes waiting to be sent, the client is not reading",
                connection.getId(), realtime.maxBufferedBytes());
        disconnect();
        connection.close();
    }

    private JsonNode parse(String json) {
        try {
            return realtime.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private void sendRaw(String packet) {
        outbox.send(packet);
    }

    private static String newId() {
        byte[] random = new byte[15];
        IDS.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Sends the client's callback its answer, once. */
    private final class OnceAcknowledgement implements Acknowledgement {
        private final long id;
        private final AtomicBoolean sent = new AtomicBoolean();

        OnceAcknowledgement(long id) {
            this.id = id;
        }

        @Override
        public void send(Object... args) {
            if (sent.compareAndSet(false, true)) {
                sendRaw(realtime.frames().ack(id, args));
            }
        }
    }
}
