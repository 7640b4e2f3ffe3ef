package dev.eliza.runtime;

import java.time.Duration;

/** Runs a task after a delay; the runtime's only notion of waiting, injected so tests advance time by hand. */
@FunctionalInterface
interface Delayer {
    /** Runs {@code task} once {@code delay} has passed. */
    void after(Duration delay, Runnable task);
}
