package dev.eliza.realtime.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.platform.logging.LogBuffer;
import dev.eliza.platform.logging.LogEntry;
import dev.eliza.realtime.api.RealtimeSocket;

class LogStreamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A log buffer that only streams: what the platform's ring does for subscribers. */
    private static final class StreamingBuffer implements LogBuffer {
        final List<Consumer<LogEntry>> listeners = new CopyOnWriteArrayList<>();

        @Override
        public List<LogEntry> recent(int limit, int minLevel) {
            return List.of();
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public void clear() {
        }

        @Override
        public Subscription subscribe(Consumer<LogEntry> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        void log(int level, String msg, String logger) {
            listeners.forEach(l -> l.accept(new LogEntry(1_795_452_633_089L, level, msg, logger)));
        }
    }

    private static final class Socket implements RealtimeSocket {
        final String id = UUID.randomUUID().toString();
        final List<String> events = new ArrayList<>();
        final List<JsonNode> payloads = new ArrayList<>();
        final List<Runnable> disconnect = new ArrayList<>();

        @Override
        public String id() {
            return id;
        }

        @Override
        public UUID entityId() {
            return UUID.randomUUID();
        }

        @Override
        public void join(String room) {
        }

        @Override
        public void leave(String room) {
        }

        @Override
        public Set<String> rooms() {
            return Set.of();
        }

        @Override
        public void emit(String event, Object... args) {
            events.add(event);
            payloads.add(JSON.valueToTree(args[0]));
        }

        @Override
        public void onDisconnect(Runnable action) {
            disconnect.add(action);
        }

        JsonNode last(String event) {
            return payloads.get(events.lastIndexOf(event));
        }

        long count(String event) {
            return events.stream().filter(event::equals).count();
        }
    }

    private final StreamingBuffer buffer = new StreamingBuffer();
    private final LogStreams streams = new LogStreams(buffer, Runnable::run);

    @Test
    void aSubscriberHearsRecordsAsLogStreamAndLogEntryUntilItUnsubscribes() throws Exception {
        Socket socket = new Socket();
        new SubscribeLogsHandler(streams).handle(socket, List.of(), java.util.Optional.empty());
        assertEquals(JSON.readTree("{\"subscribed\":true,\"message\":\"Successfully subscribed to log stream\"}"),
                socket.last("log_subscription_confirmed"));
        buffer.log(30, "Agent started", "dev.eliza.agents");
        assertEquals(JSON.readTree("{\"type\":\"log_entry\",\"payload\":{\"time\":1795452633089,\"level\":30,"
                + "\"msg\":\"Agent started\",\"logger\":\"dev.eliza.agents\"}}"), socket.last("log_stream"));
        assertEquals(socket.last("log_stream").path("payload"), socket.last("logEntry"));

        new UnsubscribeLogsHandler(streams).handle(socket, List.of(), java.util.Optional.empty());
        assertEquals(JSON.readTree("{\"subscribed\":false,\"message\":\"Successfully unsubscribed from log stream\"}"),
                socket.last("log_subscription_confirmed"));
        buffer.log(30, "after", "dev.eliza.agents");
        assertEquals(1, socket.count("log_stream"));
    }

    @Test
    void filtersByLevelAndAgentNameAndAnswerAsTheCaptureShows() throws Exception {
        Socket socket = new Socket();
        UpdateLogFiltersHandler update = new UpdateLogFiltersHandler(streams);
        update.handle(socket, List.of(JSON.readTree("{\"level\":\"info\",\"agentName\":\"all\"}")),
                java.util.Optional.empty());
        assertEquals(JSON.readTree("{\"success\":true,\"filters\":{\"level\":\"info\",\"agentName\":\"all\"}}"),
                socket.last("log_filters_updated"));
        streams.subscribe(socket);
        buffer.log(20, "debug detail", "x");
        buffer.log(40, "warned", "x");
        assertEquals(1, socket.count("log_stream"));
        assertEquals("warned", socket.last("logEntry").path("msg").asText());

        update.handle(socket, List.of(JSON.readTree("{\"agentName\":\"Eliza\"}")), java.util.Optional.empty());
        assertEquals("info", socket.last("log_filters_updated").path("filters").path("level").asText());
        buffer.log(30, "PeerAgent replied", "dev.eliza.runtime");
        buffer.log(30, "Eliza replied", "dev.eliza.runtime");
        assertEquals(2, socket.count("log_stream"));
        assertEquals("Eliza replied", socket.last("logEntry").path("msg").asText());
    }

    @Test
    void badFiltersAreRefusedAndTheOldOnesKept() throws Exception {
        Socket socket = new Socket();
        UpdateLogFiltersHandler update = new UpdateLogFiltersHandler(streams);
        update.handle(socket, List.of(JSON.readTree("{\"level\":\"loud\"}")), java.util.Optional.empty());
        JsonNode answer = socket.last("log_filters_updated");
        assertFalse(answer.path("success").asBoolean());
        assertEquals(LogStreams.BAD_FILTERS, answer.path("error").asText());
        assertEquals(JSON.readTree("{\"level\":\"all\",\"agentName\":\"all\"}"), answer.path("filters"));
        update.handle(socket, List.of(JSON.readTree("{\"agentName\":42}")), java.util.Optional.empty());
        assertFalse(socket.last("log_filters_updated").path("success").asBoolean());
        update.handle(socket, List.of(), java.util.Optional.empty());
        assertTrue(socket.last("log_filters_updated").path("success").asBoolean());
    }

    @Test
    void aDisconnectedSocketIsForgottenAndDeactivationStopsTheStream() {
        Socket socket = new Socket();
        streams.subscribe(socket);
        assertEquals(1, streams.subscriberCount());
        socket.disconnect.forEach(Runnable::run);
        assertEquals(0, streams.subscriberCount());
        streams.subscribe(socket);
        streams.deactivate();
        assertTrue(buffer.listeners.isEmpty());
    }
}
