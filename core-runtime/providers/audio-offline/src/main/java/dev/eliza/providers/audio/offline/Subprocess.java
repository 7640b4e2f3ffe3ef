package dev.eliza.providers.audio.offline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a program with bounded time and output, never through a shell: the command is a list of arguments, the
 * input goes to its standard input, and its standard output is collected up to a limit. Past the time limit, or
 * past the output limit, the process is killed ({@link Process#destroyForcibly()}); only so many run at once.
 * Standard error is discarded: the programs run here log to it freely.
 */
final class Subprocess {
    /** Why a run did not produce its output. */
    enum Failure {
        /** The program could not be started (missing, not executable). */
        NOT_STARTED,
        /** It ran longer than allowed and was killed. */
        TIMED_OUT,
        /** It wrote more than allowed and was killed. */
        TOO_MUCH_OUTPUT
    }

    /** A run that did not produce its output. */
    static final class RunException extends Exception {
        private static final long serialVersionUID = 1L;
        private final Failure failure;

        RunException(Failure failure, String message, Throwable cause) {
            super(message, cause);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }
    }

    /** What a finished run produced. */
    record Result(int exitCode, byte[] output) {
    }

    private final Executor readers;
    private final Duration timeout;
    private final int maxOutputBytes;
    private final Semaphore running;
    private final Duration slotWait;

    Subprocess(Executor readers, Duration timeout, int maxOutputBytes) {
        this(readers, timeout, maxOutputBytes, Math.max(2, Runtime.getRuntime().availableProcessors()), timeout);
    }

    Subprocess(Executor readers, Duration timeout, int maxOutputBytes, int maxRunning, Duration slotWait) {
        this.running = new Semaphore(maxRunning, true);
        this.slotWait = slotWait;
        this.readers = readers;
        this.timeout = timeout;
        this.maxOutputBytes = maxOutputBytes;
    }

    Result run(List<String> command, byte[] input) throws RunException, InterruptedException {
        // At most a few programs at once: a burst of requests waits its turn instead of starving the machine.
        if (!running.tryAcquire(slotWait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new RunException(Failure.TIMED_OUT, command.get(0) + " waited longer than " + slotWait.toMillis()
                    + " ms for a free slot (too many at once)", null);
        }
        try {
            return start(command, input);
        } finally {
            running.release();
        }
    }

    private Result start(List<String> command, byte[] input) throws RunException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new RunException(Failure.NOT_STARTED, command.get(0) + " could not be started", e);
        }
        try {
            // Read on another thread while this one feeds the input and watches the clock, so a program that
            // never reads, never ends or floods its output cannot hold this thread beyond the timeout.
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> collect(process), readers);
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            } catch (IOException ignored) {
                // The program closed its input early (it exited, or reads none); its exit code tells the rest.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RunException(Failure.TIMED_OUT, command.get(0) + " took longer than " + timeout.toMillis()
                        + " ms", null);
            }
            byte[] bytes = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (bytes == null) {
                throw new RunException(Failure.TOO_MUCH_OUTPUT, command.get(0) + " wrote more than "
                        + maxOutputBytes + " bytes", null);
            }
            return new Result(process.exitValue(), bytes);
        } catch (ExecutionException | TimeoutException e) {
            throw new RunException(Failure.TIMED_OUT, command.get(0) + "'s output could not be read in time", e);
        } finally {
            killAndReap(process);
        }
    }

    /**
     * Kills the program and waits (briefly) until it is gone: the kill is asynchronous, and a run must not return
     * (freeing its slot) while its program still runs.
     */
    private static void killAndReap(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The whole output, or null when it went over the limit (the process is then killed). */
    private byte[] collect(Process process) {
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try (InputStream stdout = process.getInputStream()) {
            int n;
            while ((n = stdout.read(buffer)) >= 0) {
                if (collected.size() + n > maxOutputBytes) {
                    process.destroyForcibly();
                    return null;
                }
                collected.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // The process was killed while we read: what was read is all there is.
        }
        return collected.toByteArray();
    }
}
