package dev.eliza.realtime.impl;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eliza.http.api.DomainContribution;
import dev.eliza.persistence.api.Cluster;
import dev.eliza.realtime.api.RealtimeBroadcaster;
import dev.eliza.realtime.api.RealtimeEventHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import jakarta.servlet.Servlet;

/**
 * Serves Socket.IO (Engine.IO v4, Socket.IO protocol v5) at {@code /socket.io/} on the shared server, long polling
 * and WebSocket, dispatches client events to {@link RealtimeEventHandler} services and offers the
 * {@link RealtimeBroadcaster}.
 */
@Component(immediate = true, service = {})
public final class RealtimeComponent {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeComponent.class);
    /** Made before activation: the optional registry may be bound first. */
    private final RealtimeMeters meters = new RealtimeMeters();
    private EngineIoServer engine;
    private ServiceTracker<RealtimeEventHandler, RealtimeEventHandler> handlers;
    private ServiceRegistration<DomainContribution> contribution;
    private ServiceRegistration<RealtimeBroadcaster> broadcaster;
    private SocketRegistry registry;
    private Cluster cluster;
    private ClusterRelay relay;

    @Activate
    synchronized void activate(BundleContext context) {
        RealtimeSettings settings = RealtimeSettings.from(context::getProperty);
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
        options.setPingInterval(settings.pingIntervalMs());
        options.setPingTimeout(settings.pingTimeoutMs());
        options.setCorsHandlingDisabled(true);
        engine = new EngineIoServer(options);
        ObjectMapper mapper = new ObjectMapper();
        EventFrames frames = new EventFrames(mapper);
        registry = new SocketRegistry(frames);
        joinCluster();
        meters.connections(registry::connectedCount);
        EventDispatcher dispatcher = new EventDispatcher(context, meters);
        SocketIoConnection.Realtime realtime = new SocketIoConnection.Realtime(HandshakeAuth.from(context::getProperty),
                registry, dispatcher, frames, mapper, Clock.systemUTC(), settings.maxBufferedBytes());
        EngineSessions sessions = new EngineSessions();
        engine.on("connection", args -> {
            EngineIoSocket socket = (EngineIoSocket) args[0];
            sessions.track(socket);
            new SocketIoConnection(socket, realtime);
        });
        handlers = new ServiceTracker<>(context, RealtimeEventHandler.class, dispatcher);
        handlers.open();
        broadcaster = context.registerService(RealtimeBroadcaster.class, registry, null);
        contribution = context.registerService(DomainContribution.class,
                new SocketIoContribution(new EngineIoServlet(engine, sessions, settings.maxPayloadBytes()),
                        new EngineIoUpgrades(engine, sessions, settings)), null);
    }

    @Deactivate
    synchronized void deactivate() {
        leaveCluster();
        registry = null;
        contribution.unregister();
        broadcaster.unregister();
        handlers.close();
        engine.shutdown();
    }

    /** The nodes sharing the database: broadcasts reach the sockets connected to any of them. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindCluster(Cluster value) {
        leaveCluster();
        cluster = value;
        joinCluster();
    }

    synchronized void unbindCluster(Cluster value) {
        if (cluster == value) {
            leaveCluster();
            cluster = null;
        }
    }

    private void joinCluster() {
        if (cluster != null && registry != null) {
            relay = ClusterRelay.open(cluster, registry);
            registry.relay(Optional.of(relay));
        }
    }

    private void leaveCluster() {
        if (relay == null) {
            return;
        }
        registry.relay(Optional.empty());
        try {
            relay.close();
        } catch (Exception e) {
            LOG.debug("Leaving the cluster failed: {}", e.getMessage());
        }
        relay = null;
    }

    /** The platform's meter registry, while the metrics bundle runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindMeterRegistry(MeterRegistry registry) {
        meters.add(registry);
    }

    void unbindMeterRegistry(MeterRegistry registry) {
        meters.remove(registry);
    }

    /** {@code /socket.io/}: polling through a servlet, WebSocket through an upgrade mapping. */
    private record SocketIoContribution(EngineIoServlet polling, EngineIoUpgrades upgrades)
            implements DomainContribution {
        @Override
        public String domain() {
            return "realtime";
        }

        @Override
        public List<String> pathPrefixes() {
            return List.of("/socket.io");
        }

        /** The handshake checks the keys itself ({@code HandshakeAuth}), as ElizaOS clients send them there. */
        @Override
        public List<String> publicPrefixes() {
            return List.of("/socket.io");
        }

        @Override
        public Set<Object> resources() {
            return Set.of();
        }

        @Override
        public Map<String, Servlet> servlets() {
            return Map.of("/socket.io/*", polling);
        }

        @Override
        public Map<String, WebSocketCreator> webSockets() {
            return Map.of("/socket.io/", upgrades);
        }
    }
}
