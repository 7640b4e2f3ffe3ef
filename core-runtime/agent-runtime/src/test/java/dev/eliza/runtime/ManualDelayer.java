package dev.eliza.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Delayed tasks that run only when the test advances time, in due order. */
final class ManualDelayer implements Delayer {
    private final List<Object[]> tasks = new ArrayList<>();
    final List<Duration> requested = new ArrayList<>();
    private Duration now = Duration.ZERO;

    @Override
    public synchronized void after(Duration delay, Runnable task) {
        requested.add(delay);
        tasks.add(new Object[] {now.plus(delay), task});
    }

    /** Moves time on by {@code step}, running each task that falls due. */
    void advance(Duration step) {
        Duration until = current().plus(step);
        while (true) {
            Runnable due = null;
            synchronized (this) {
                Object[] first = tasks.stream().filter(t -> ((Duration) t[0]).compareTo(until) <= 0)
                        .min((a, b) -> ((Duration) a[0]).compareTo((Duration) b[0])).orElse(null);
                if (first != null) {
                    tasks.remove(first);
                    now = (Duration) first[0];
                    due = (Runnable) first[1];
                }
                if (due == null) {
                    now = until;
                    return;
                }
            }
            due.run();
        }
    }

    private synchronized Duration current() {
        return now;
    }

    synchronized int waiting() {
        return tasks.size();
    }
}
