package dev.eliza.messaging.impl;

import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

import dev.eliza.messaging.api.AgentInbox;

/**
 * The agent runtime's inbox, if one is registered. Tracked rather than a DS reference, because the runtime needs
 * messaging's services to activate and a reference back would be a cycle. The service object is fetched when a
 * message is handed over, never while a registration is being tracked: the runtime may be in the middle of its
 * own activation then, and SCR would answer {@code null} once and for all.
 */
final class InboxLookup implements ServiceTrackerCustomizer<AgentInbox, ServiceReference<AgentInbox>>, AutoCloseable {
    private final BundleContext context;
    private final ServiceTracker<AgentInbox, ServiceReference<AgentInbox>> tracker;
    private ServiceReference<AgentInbox> held;
    private AgentInbox inbox;

    InboxLookup(BundleContext context) {
        this.context = context;
        this.tracker = new ServiceTracker<>(context, AgentInbox.class, this);
        tracker.open();
    }

    /** The inbox of the best registered runtime, fetched on first use. */
    synchronized Optional<AgentInbox> inbox() {
        ServiceReference<AgentInbox> best = tracker.getService();
        if (best == null) {
            return Optional.empty();
        }
        if (!best.equals(held)) {
            release();
            inbox = context.getService(best);
            held = inbox == null ? null : best;
        }
        return Optional.ofNullable(inbox);
    }

    @Override
    public ServiceReference<AgentInbox> addingService(ServiceReference<AgentInbox> reference) {
        return reference;
    }

    @Override
    public void modifiedService(ServiceReference<AgentInbox> reference, ServiceReference<AgentInbox> same) {
    }

    @Override
    public synchronized void removedService(ServiceReference<AgentInbox> reference,
                                            ServiceReference<AgentInbox> same) {
        if (reference.equals(held)) {
            release();
        }
    }

    @Override
    public void close() {
        tracker.close();
        synchronized (this) {
            release();
        }
    }

    private void release() {
        if (held != null) {
            context.ungetService(held);
        }
        held = null;
        inbox = null;
    }
}
