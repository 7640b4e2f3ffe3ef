package dev.eliza.events.impl;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.eliza.events.api.PlatformEvent;
import dev.eliza.events.api.PlatformEventListener;
import dev.eliza.events.api.PlatformEvents;

/** The {@link PlatformEvents} service, delivering to every {@link PlatformEventListener} service. */
@Component(service = PlatformEvents.class)
public final class EventBusComponent implements PlatformEvents {
    private static final int QUEUE_CAPACITY = 10_000;
    private static final int MAX_THREADS = 64;

    private final ExecutorService executor = deliveryThreads();
    private final EventBus bus = new EventBus(executor, QUEUE_CAPACITY);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(PlatformEventListener listener, Map<String, Object> properties) {
        bus.add(listener, String.valueOf(properties.getOrDefault("listener.name",
                "service " + properties.get(Constants.SERVICE_ID))));
    }

    void removeListener(PlatformEventListener listener) {
        bus.remove(listener);
    }

    @Override
    public void publish(PlatformEvent event) {
        bus.publish(event);
    }

    /**
     * The threads listener queues drain on: up to {@link #MAX_THREADS}, idle ones ending after 30 s. A queue runs on
     * at most one thread at a time, so a listener that blocks holds only its own thread and the others keep being
     * delivered; only while that many listeners are blocked at once do deliveries wait for a thread.
     */
    static ExecutorService deliveryThreads() {
        ThreadPoolExecutor threads = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new ThreadFactory());
        threads.allowCoreThreadTimeOut(true);
        return threads;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static final class ThreadFactory implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "platform-events-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
