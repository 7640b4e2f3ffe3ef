package dev.eliza.realtime.impl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.realtime.api.Acknowledgement;
import dev.eliza.realtime.api.RealtimeEventHandler;

/**
 * Routes each client event to the {@link RealtimeEventHandler} service registered for its name, tracking the
 * services as they come and go. Unknown events are ignored; a failing handler answers its socket with
 * {@code messageError}.
 */
final class EventDispatcher implements ServiceTrackerCustomizer<RealtimeEventHandler, RealtimeEventHandler> {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final BundleContext context;
    private final Map<String, RealtimeEventHandler> handlers = new ConcurrentHashMap<>();
    private final RealtimeMeters meters;

    EventDispatcher(BundleContext context, RealtimeMeters meters) {
        this.context = context;
        this.meters = meters;
    }

    void dispatch(ConnectedSocket socket, String event, List<JsonNode> args, Optional<Acknowledgement> ack) {
        RealtimeEventHandler handler = handlers.get(event);
        meters.event(handler == null ? RealtimeMeters.OTHER : event);
        if (handler == null) {
            LOG.debug("No handler for event '{}' from socket {}; ignored", event, socket.id());
            return;
        }
        try {
            handler.handle(socket, args, ack);
        } catch (RuntimeException e) {
            LOG.warn("Handler for event '{}' failed for socket {}: {}", event, socket.id(), e.getMessage(), e);
            socket.emit("messageError", Map.of("error", e.getMessage() == null ? "Handler failed" : e.getMessage()));
        }
    }

    @Override
    public RealtimeEventHandler addingService(ServiceReference<RealtimeEventHandler> reference) {
        RealtimeEventHandler handler = context.getService(reference);
        if (handler == null) {
            return null;
        }
        RealtimeEventHandler previous = handlers.putIfAbsent(handler.event(), handler);
        if (previous != null) {
            LOG.error("Refused handler for event '{}' from bundle {}: the event already has a handler",
                    handler.event(), reference.getBundle().getSymbolicName());
            context.ungetService(reference);
            return null;
        }
        LOG.info("Realtime event '{}' handled by bundle {}", handler.event(), reference.getBundle().getSymbolicName());
        return handler;
    }

    @Override
    public void modifiedService(ServiceReference<RealtimeEventHandler> reference, RealtimeEventHandler handler) {
        // The event name is fixed for a handler's lifetime.
    }

    @Override
    public void removedService(ServiceReference<RealtimeEventHandler> reference, RealtimeEventHandler handler) {
        handlers.remove(handler.event(), handler);
        context.ungetService(reference);
        LOG.info("Realtime event '{}' no longer handled", handler.event());
    }
}
