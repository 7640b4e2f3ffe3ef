package dev.eliza.sessions.impl;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.DomainContribution;
import dev.eliza.messaging.api.MessageAnswers;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;
import dev.eliza.realtime.api.RealtimeBroadcaster;

/** Mounts {@code /api/messaging/sessions} (where 1.7.2 serves it) and schedules the expiry sweep. */
@Component(service = DomainContribution.class)
public final class SessionsContribution implements DomainContribution {
    static final Duration DEFAULT_REPLY_WAIT = Duration.ofSeconds(30);
    static final String REPLY_WAIT_KEY = "MESSAGING_HTTP_REPLY_TIMEOUT_MS";

    private final Set<Object> resources;
    private final ScheduledExecutorService scheduler;
    private volatile RealtimeBroadcaster realtime;

    @Activate
    public SessionsContribution(@Reference Database database, @Reference MessageService messages,
                                @Reference MessageAnswers answers, @Reference AgentDirectory agents,
                                BundleContext context) {
        database.migrate("sessions", Migration.scan(context.getBundle(), "db/sessions"));
        SessionStore store = new SessionStore(database.sessionFactory(
                context.getBundle().adapt(BundleWiring.class).getClassLoader(), SessionMapper.class));
        SessionSettings settings = SessionSettings.from(context::getProperty);
        Duration replyWait = Optional.ofNullable(context.getProperty(REPLY_WAIT_KEY)).filter(v -> v.matches("\\d{1,9}"))
                .map(v -> Duration.ofMillis(Long.parseLong(v))).orElse(DEFAULT_REPLY_WAIT);
        SessionSignals signals = new SessionSignals(() -> Optional.ofNullable(realtime));
        Clock clock = Clock.systemUTC();
        Sessions sessions = new Sessions(store, new TimeoutPolicy(settings), clock, signals);
        this.resources = resources(sessions, agents, messages, answers, replyWait);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sessions-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.cleanupInterval();
        scheduler.scheduleWithFixedDelay(new SessionSweeper(store, clock, signals), every, every, TimeUnit.MINUTES);
    }

    /** The JAX-RS resources of the sessions routes. */
    static Set<Object> resources(Sessions sessions, AgentDirectory agents, MessageService messages,
                                 MessageAnswers answers, Duration replyWait) {
        return Set.of(new SessionsResource(sessions, agents, messages), new SessionMessagesResource(sessions,
                messages, new SessionSender(sessions, messages, answers, replyWait, agents)));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindRealtime(RealtimeBroadcaster broadcaster) {
        this.realtime = broadcaster;
    }

    void unbindRealtime(RealtimeBroadcaster broadcaster) {
        if (this.realtime == broadcaster) {
            this.realtime = null;
        }
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    @Override
    public String domain() {
        return "sessions";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/messaging/sessions");
    }

    @Override
    public Set<Object> resources() {
        return resources;
    }
}
