package dev.eliza.realtime.logs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.eliza.platform.logging.LogBuffer;
import dev.eliza.platform.logging.LogEntry;
import dev.eliza.realtime.api.RealtimeSocket;

/**
 * The sockets that subscribed to the platform log and their filters. Records arrive on the logging thread and are
 * handed to one delivery thread through a bounded queue (a burst past it is dropped, never blocking the logger);
 * each goes to every subscriber whose filter it matches as {@code log_stream {type:"log_entry", payload}}, as
 * 1.7.2 sends it, and as the documents' {@code logEntry}.
 */
@Component(service = LogStreams.class)
public final class LogStreams {
    static final String BAD_FILTERS = "level must be one of all, trace, debug, info, warn, error, fatal; "
            + "agentName a non-empty name (up to 200 characters) or all";
    private static final int QUEUED_RECORDS = 1_000;

    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final Executor delivery;
    private final ExecutorService owned;
    private final LogBuffer.Subscription subscription;

    /** One socket's state; {@code subscribed} false keeps a filter set before subscribing. */
    private static final class Subscriber {
        final RealtimeSocket socket;
        volatile LogFilter filter = LogFilter.DEFAULT;
        volatile boolean subscribed;

        Subscriber(RealtimeSocket socket) {
            this.socket = socket;
        }
    }

    @Activate
    public LogStreams(@Reference LogBuffer buffer) {
        this(buffer, new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED_RECORDS),
                runnable -> {
                    Thread thread = new Thread(runnable, "eliza-log-stream");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy()));
    }

    LogStreams(LogBuffer buffer, Executor delivery) {
        this.delivery = delivery;
        this.owned = delivery instanceof ExecutorService service ? service : null;
        this.subscription = buffer.subscribe(this::arrived);
    }

    @Deactivate
    void deactivate() {
        subscription.close();
        if (owned != null) {
            owned.shutdownNow();
        }
    }

    void subscribe(RealtimeSocket socket) {
        subscriber(socket).subscribed = true;
        socket.emit("log_subscription_confirmed", confirmation(true, "Successfully subscribed to log stream"));
    }

    void unsubscribe(RealtimeSocket socket) {
        Subscriber current = subscribers.get(socket.id());
        if (current != null) {
            current.subscribed = false;
        }
        socket.emit("log_subscription_confirmed", confirmation(false, "Successfully unsubscribed from log stream"));
    }

    void updateFilters(RealtimeSocket socket, JsonNode update) {
        Subscriber current = subscriber(socket);
        Map<String, Object> answer = new LinkedHashMap<>();
        Optional<LogFilter> updated = current.filter.updatedBy(update.isObject() ? update : MissingNode.getInstance());
        updated.ifPresent(filter -> current.filter = filter);
        answer.put("success", updated.isPresent());
        if (updated.isEmpty()) {
            answer.put("error", BAD_FILTERS);
        }
        answer.put("filters", current.filter.asMap());
        socket.emit("log_filters_updated", answer);
    }

    int subscriberCount() {
        return (int) subscribers.values().stream().filter(s -> s.subscribed).count();
    }

    private Subscriber subscriber(RealtimeSocket socket) {
        return subscribers.computeIfAbsent(socket.id(), id -> {
            socket.onDisconnect(() -> subscribers.remove(id));
            return new Subscriber(socket);
        });
    }

    private void arrived(LogEntry entry) {
        if (subscribers.isEmpty()) {
            return;
        }
        try {
            delivery.execute(() -> deliver(entry));
        } catch (RejectedExecutionException stopping) {
            // Deactivated meanwhile: nobody is listening any more.
        }
    }

    private void deliver(LogEntry entry) {
        Map<String, Object> payload = null;
        for (Subscriber subscriber : subscribers.values()) {
            if (subscriber.subscribed && subscriber.filter.matches(entry)) {
                payload = payload == null ? payload(entry) : payload;
                Map<String, Object> stream = new LinkedHashMap<>();
                stream.put("type", "log_entry");
                stream.put("payload", payload);
                subscriber.socket.emit("log_stream", stream);
                subscriber.socket.emit("logEntry", payload);
            }
        }
    }

    private static Map<String, Object> payload(LogEntry entry) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("time", entry.time());
        payload.put("level", entry.level());
        payload.put("msg", entry.msg());
        payload.put("logger", entry.logger());
        return payload;
    }

    private static Map<String, Object> confirmation(boolean subscribed, String message) {
        Map<String, Object> confirmation = new LinkedHashMap<>();
        confirmation.put("subscribed", subscribed);
        confirmation.put("message", message);
        return confirmation;
    }
}
