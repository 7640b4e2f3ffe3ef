package dev.eliza.pluginhost;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The threads one plugin's code runs on when the platform calls it (its routes, event listeners and model
 * providers). The pool is bounded and admits no more calls than it has threads, so a plugin that blocks holds its
 * own threads only and, once they are all taken, a call is refused at once ({@link Busy}). Every call has a deadline: past it the caller goes
 * on ({@link TimedOut}) and the plugin's thread is interrupted. Faults (time-outs, and the exceptions the caller
 * counts as faults) {@code failureThreshold} times in a row hand a reason to {@code onFailing}, once.
 *
 * <p>An interrupt is all Java offers to stop a thread: a plugin loop that never checks it keeps its thread until
 * the process ends, and that thread stays taken from the plugin's own pool.
 */
final class PluginCalls implements AutoCloseable {
    /** All the plugin's threads are busy: the call was not started. */
    static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }

    /** The call passed its deadline; the plugin's thread was interrupted. */
    static final class TimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimedOut(String message) {
            super(message);
        }
    }

    private final String pluginId;
    private final PluginCallSettings settings;
    private final ThreadPoolExecutor threads;
    /**
     * One per thread, taken for a call and given back when its work really ends: admission is decided here, not by
     * the pool, whose worker that has just finished a call may not be idle yet when the caller's next call comes.
     */
    private final Semaphore permits;
    private final Consumer<String> onFailing;
    private final AtomicInteger faultsInARow = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();

    private PluginCalls(String pluginId, PluginCallSettings settings, ThreadPoolExecutor threads,
                        Consumer<String> onFailing) {
        this.pluginId = pluginId;
        this.settings = settings;
        this.threads = threads;
        this.permits = new Semaphore(settings.threads());
        this.onFailing = onFailing;
    }

    /** The pool of plugin {@code pluginId}, whose threads have {@code pluginLoader} as context class loader. */
    static PluginCalls start(String pluginId, ClassLoader pluginLoader, PluginCallSettings settings,
                             Consumer<String> onFailing) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor threads = new ThreadPoolExecutor(settings.threads(), settings.threads(), 30,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), work -> {
                    Thread thread = new Thread(work, "plugin-" + pluginId + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setContextClassLoader(pluginLoader);
                    return thread;
                });
        threads.allowCoreThreadTimeOut(true);
        return new PluginCalls(pluginId, settings, threads, onFailing);
    }

    PluginCallSettings settings() {
        return settings;
    }

    /**
     * Runs {@code work} on one of the plugin's threads and waits for it at most {@code deadline}. What the work
     * throws is thrown as it is, counted as a fault when {@code isFault} says so; a normal end, or an exception
     * that is no fault, ends a run of faults.
     */
    <T> T call(Callable<T> work, Duration deadline, Predicate<Throwable> isFault) throws Exception {
        if (!permits.tryAcquire()) {
            throw busy();
        }
        // the permit goes back before the caller sees the outcome (so its next call is admitted), and also when
        // the task is cancelled before it starts
        AtomicBoolean given = new AtomicBoolean();
        Runnable giveBack = () -> {
            if (given.compareAndSet(false, true)) {
                permits.release();
            }
        };
        FutureTask<T> future = new FutureTask<>(() -> {
            try {
                return work.call();
            } finally {
                giveBack.run();
            }
        });
        try {
            threads.execute(() -> {
                try {
                    future.run();
                } finally {
                    giveBack.run();
                }
            });
        } catch (RejectedExecutionException e) {
            giveBack.run();
            throw busy();
        }
        try {
            T result = future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            faultsInARow.set(0);
            return result;
        } catch (TimeoutException e) {
            future.cancel(true);
            String reason = "a call took longer than " + deadline.toMillis() + " ms";
            fault(reason);
            throw new TimedOut("Plugin " + pluginId + " did not answer in time: " + reason);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (isFault.test(cause)) {
                // a route's exception comes wrapped by its reflective call: the reason names the plugin's own
                Throwable shown = cause instanceof InvocationTargetException wrapped && wrapped.getCause() != null
                        ? wrapped.getCause() : cause;
                fault("a call failed: " + shown);
            } else {
                faultsInARow.set(0);
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw (Exception) cause;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    private Busy busy() {
        return new Busy("Plugin " + pluginId + " is busy: all its " + settings.threads() + " threads are taken");
    }

    private void fault(String reason) {
        int faults = faultsInARow.incrementAndGet();
        if (faults >= settings.failureThreshold() && failing.compareAndSet(false, true)) {
            onFailing.accept(faults + " calls in a row failed, the last one: " + reason);
        }
    }

    /** Interrupts what still runs and takes no more calls; never waits, since a plugin may never stop. */
    @Override
    public void close() {
        failing.set(true);
        threads.shutdownNow();
    }
}
