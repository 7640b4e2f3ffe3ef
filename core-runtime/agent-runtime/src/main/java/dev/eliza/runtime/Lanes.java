package dev.eliza.runtime;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs jobs one lane at a time, in submission order, on a shared executor: the jobs of one channel and agent never
 * overlap (a reply waits for the previous one, even across a retry's backoff), while different lanes run in
 * parallel. A job returns a stage; the lane moves on when it completes.
 */
final class Lanes {
    private final Executor executor;
    private final Map<Object, ArrayDeque<Supplier<CompletionStage<?>>>> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Runnable onIdle;

    /** Lanes on {@code executor}; {@code onIdle} runs (on the executor) each time the last job of all is done. */
    Lanes(Executor executor, Runnable onIdle) {
        this.executor = executor;
        this.onIdle = onIdle;
    }

    /** Queues {@code job} behind the lane's earlier jobs. */
    void submit(Object key, Supplier<CompletionStage<?>> job) {
        size.incrementAndGet();
        boolean[] start = {false};
        // compute is atomic per key: a lane is created, extended and removed without a race with its last job
        lanes.compute(key, (k, queue) -> {
            if (queue == null) {
                start[0] = true;
                queue = new ArrayDeque<>();
            }
            queue.add(job);
            return queue;
        });
        if (start[0]) {
            executor.execute(() -> run(key));
        }
    }

    /** Jobs queued or running. */
    int size() {
        return size.get();
    }

    private void run(Object key) {
        Supplier<CompletionStage<?>> job = lanes.get(key).peek();
        CompletionStage<?> stage;
        try {
            stage = job.get();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        // the next job is started through the executor, so a long lane of finished stages does not recurse
        stage.whenComplete((result, error) -> executor.execute(() -> next(key)));
    }

    private void next(Object key) {
        boolean[] more = {false};
        lanes.computeIfPresent(key, (k, queue) -> {
            queue.poll();
            more[0] = !queue.isEmpty();
            return more[0] ? queue : null;
        });
        if (size.decrementAndGet() == 0) {
            onIdle.run();
        } else if (more[0]) {
            run(key);
        }
    }
}
