package dev.eliza.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.eliza.messaging.api.AgentInbox;
import dev.eliza.messaging.api.Delivery;

/**
 * Takes deliveries without blocking and makes their replies one at a time per channel and agent; a delivery is
 * known here from the moment it is taken until its handling is over, so a scan of the pending ones never takes it
 * twice, while one whose handling ended without a final state (the database was away) is taken again. Memory is
 * bounded: past the queue capacity a delivery is left {@code received} in messaging and fetched with
 * {@code AgentReplies.pending} once the queue has drained, as are the backlog pages found at start. Deliveries whose
 * provider is absent are parked until it comes back, or fail when the wait is over.
 */
final class Inbox implements AgentInbox {
    /** How many pending deliveries are fetched at a time. */
    static final int PAGE = 200;

    private final RuntimeParts parts;
    private final ReplyMaker maker;
    private final Lanes lanes;
    private final Set<Key> queued = ConcurrentHashMap.newKeySet();
    private final Map<Key, Parked> parked = new ConcurrentHashMap<>();
    private final AtomicBoolean fetchLater = new AtomicBoolean();
    private volatile boolean closed;

    Inbox(RuntimeParts parts) {
        this.parts = parts;
        this.maker = new ReplyMaker(parts, this::park);
        this.lanes = new Lanes(parts.executor(), this::idle);
    }

    @Override
    public void deliver(Delivery delivery) {
        Key key = Key.of(delivery);
        if (closed || parked.containsKey(key)) {
            return;
        }
        if (lanes.size() >= parts.settings().queueCapacity()) {
            fetchLater.set(true);
            return;
        }
        // held until its handling is over: a scan then tells a delivery being handled from one this node lost
        if (queued.add(key)) {
            lanes.submit(List.of(delivery.message().channelId(), delivery.agentId()), () -> {
                try {
                    return maker.handle(delivery).whenComplete((done, error) -> queued.remove(key));
                } catch (RuntimeException e) {
                    queued.remove(key);
                    throw e;
                }
            });
        }
    }

    /** Queues a page of the deliveries still {@code received}; the next page is fetched when the queue drains. */
    void fetchPending() {
        List<Delivery> page = parts.replies().pending(PAGE);
        long fresh = page.stream().filter(d -> !queued.contains(Key.of(d)) && !parked.containsKey(Key.of(d))).count();
        page.forEach(this::deliver);
        if (page.size() == PAGE && fresh > 0) {
            fetchLater.set(true);
        }
        if (lanes.size() == 0) {
            idle();
        }
    }

    /** A provider arrived: the deliveries that waited for one are tried again. */
    void providerArrived() {
        parked.forEach((key, entry) -> {
            if (parked.remove(key, entry)) {
                deliver(entry.delivery);
            }
        });
    }

    /** Stops taking work, lets in-flight replies finish (bounded) and gives back what was claimed but not done. */
    void close() {
        closed = true;
        maker.close();
        parts.lifecycle().awaitIdle();
        maker.releaseClaimed();
        parked.clear();
    }

    /** How many deliveries wait for their provider. */
    int parkedCount() {
        return parked.size();
    }

    private void idle() {
        if (!closed && fetchLater.compareAndSet(true, false)) {
            parts.executor().execute(this::fetchPending);
        }
    }

    private void park(Delivery delivery, String reason) {
        Key key = Key.of(delivery);
        Parked entry = new Parked(delivery);
        parked.put(key, entry);
        parts.delayer().after(parts.settings().providerWait(), () -> {
            if (parked.remove(key, entry) && parts.replies().claim(delivery)) {
                parts.replies().fail(delivery, reason + " (waited " + parts.settings().providerWait().toSeconds()
                        + " s)");
            }
        });
    }

    private record Key(UUID messageId, UUID agentId) {
        static Key of(Delivery delivery) {
            return new Key(delivery.message().id(), delivery.agentId());
        }
    }

    /** A parked delivery; compared by identity, so a stale expiry never removes a later park of the same one. */
    private static final class Parked {
        final Delivery delivery;

        Parked(Delivery delivery) {
            this.delivery = delivery;
        }
    }
}
