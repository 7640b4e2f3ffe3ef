package dev.eliza.http.impl;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Decides which requests get an access line: the first {@code maxPerSecond} of each clock second, and every one the
 * caller must always log (server errors, slow requests); the rest are counted, and the count is handed to the first
 * request of a later second so that one summary line reports them. Lock-free: a few atomics per request.
 */
final class AccessSampler {
    /** Whether to log this request, and how many earlier lines were skipped and are not reported yet. */
    record Admission(boolean log, long skippedEarlier) {
        static final Admission LOG = new Admission(true, 0);
        static final Admission SKIP = new Admission(false, 0);
    }

    private final int maxPerSecond;
    private final LongSupplier millis;
    private final AtomicLong second = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong inSecond = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    AccessSampler(int maxPerSecond, LongSupplier millis) {
        this.maxPerSecond = maxPerSecond;
        this.millis = millis;
    }

    Admission admit(boolean always) {
        long now = Math.floorDiv(millis.getAsLong(), 1000);
        long current = second.get();
        long report = 0;
        // One thread wins the roll to a new second; a request counted in between lands in either second, which
        // only moves the cut by one line.
        if (now != current && second.compareAndSet(current, now)) {
            inSecond.set(0);
            report = skipped.getAndSet(0);
        }
        boolean log = inSecond.incrementAndGet() <= maxPerSecond || always;
        if (!log) {
            skipped.incrementAndGet();
        }
        if (report == 0) {
            return log ? Admission.LOG : Admission.SKIP;
        }
        return new Admission(log, report);
    }
}
