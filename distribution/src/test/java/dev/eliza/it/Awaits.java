package dev.eliza.it;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition until it holds or time runs out. */
final class Awaits {
    private Awaits() {
    }

    static void until(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.call())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for: " + what);
    }
}
