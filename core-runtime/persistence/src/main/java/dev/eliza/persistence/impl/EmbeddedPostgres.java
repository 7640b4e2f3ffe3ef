package dev.eliza.persistence.impl;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.persistence.api.PersistenceException;

/**
 * A real PostgreSQL server run from the data folder: initialised on first use (password authentication, UTF-8),
 * started on a free loopback port with durable settings ({@code fsync} and {@code synchronous_commit} on), and
 * stopped with the platform. A server left running by a killed platform is found through its
 * {@code postmaster.pid} and stopped before a new one starts.
 */
final class EmbeddedPostgres implements PostmasterWatcher.Server {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    static final String USER = "postgres";
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    static final int SCRAM_ITERATIONS = 16;

    private final Path dataDir;
    private final Path cluster;
    private final Path log;
    private final ProcessRunner runner;
    private final Optional<Path> shippedBinaries;
    private Path binaries;
    private int port;

    /** A server whose binaries may already be unpacked under {@code shippedBinaries}/{@code <version>}. */
    EmbeddedPostgres(Path dataDir, Optional<Path> shippedBinaries, ProcessRunner runner) {
        this.dataDir = dataDir;
        this.shippedBinaries = shippedBinaries;
        this.cluster = dataDir.resolve("postgres");
        this.log = dataDir.resolve("postgres.log");
        this.runner = runner;
    }

    /** Starts the server and returns its address. */
    PostgresUrl start(String version) {
        binaries = PostgresBinaries.locate(dataDir, shippedBinaries, version);
        stopStale();
        String password = password();
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
            initialise();
        }
        port = freePort();
        launch();
        LOG.info("Embedded PostgreSQL {} started on 127.0.0.1:{} with data in {}", version, port, cluster);
        return new PostgresUrl("127.0.0.1", port, "postgres", Optional.of(USER), Optional.of(password), Map.of());
    }

    /**
     * Starts the server again on the same data folder and port after it died (the pool's address stays valid):
     * the dead server's lock file is cleared first once none of its processes is left.
     */
    @Override
    public void restart() {
        launch();
        LOG.info("Embedded PostgreSQL started again on 127.0.0.1:{} with data in {}", port, cluster);
    }

    /** Whether the server this object started still runs (a zombie left by {@code kill -9} does not). */
    @Override
    public boolean isRunning() {
        return PostmasterPid.read(cluster).map(PostmasterProcesses::running).orElse(false);
    }

    private void launch() {
        clearDeadLock();
        try {
            runner.run(log, 120, pgCtl(), "start", "-w", "-t", "90", "-D", cluster.toString(), "-l", log.toString(),
                    "-o", "-p " + port + " -h 127.0.0.1 -c unix_socket_directories= -c fsync=on"
                            + " -c synchronous_commit=on -c max_connections=100");
        } catch (PersistenceException e) {
            // pg_ctl may give up waiting while the server still comes up: it must not outlive this failure.
            stopQuietly();
            throw e;
        }
    }

    /**
     * A server killed with {@code kill -9} leaves its {@code postmaster.pid}, and where it stays a zombie
     * PostgreSQL takes that lock for a live server and refuses to start. Once the recorded pid no longer runs and
     * no process works in the cluster any more (its backends leave when they notice the postmaster is gone), the
     * lock guards nothing and is removed; until then the start waits, since two servers must never share it.
     */
    private void clearDeadLock() {
        Path lock = cluster.resolve("postmaster.pid");
        Optional<Long> recorded = PostmasterPid.read(cluster);
        if (recorded.isEmpty() || PostmasterProcesses.running(recorded.get())) {
            return;
        }
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        Optional<Long> inside;
        while ((inside = PostmasterProcesses.insideCluster(cluster)).isPresent()) {
            if (System.nanoTime() > deadline) {
                throw new PersistenceException("PostgreSQL process " + inside.get() + " still works in " + cluster
                        + " although its server (pid " + recorded.get() + ") is gone; not starting another");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PersistenceException("Interrupted while waiting for the old PostgreSQL to exit", e);
            }
        }
        try {
            Files.deleteIfExists(lock);
            LOG.warn("Removed the lock file of PostgreSQL pid {}, which is no longer running, from {}",
                    recorded.get(), cluster);
        } catch (IOException e) {
            throw new PersistenceException("Cannot remove the stale " + lock, e);
        }
    }

    void stop() {
        // a dead server's lock is left for the next start to clear: pg_ctl would wait in vain for a zombie to exit
        if (isRunning()) {
            runner.run(log, 60, pgCtl(), "stop", "-w", "-t", "30", "-m", "fast", "-D", cluster.toString());
            LOG.info("Embedded PostgreSQL stopped");
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (PersistenceException e) {
            LOG.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
        }
    }

    private void stopStale() {
        Optional<ProcessHandle> stale = PostmasterPid.read(cluster).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (stale.isEmpty()) {
            return;
        }
        LOG.warn("Found PostgreSQL (pid {}) left running on {} by an earlier run; stopping it", stale.get().pid(),
                cluster);
        try {
            runner.run(log, 60, pgCtl(), "stop", "-w", "-t", "30", "-m", "fast", "-D", cluster.toString());
        } catch (PersistenceException e) {
            LOG.warn("pg_ctl could not stop pid {}; killing it", stale.get().pid(), e);
            stale.get().destroyForcibly();
            stale.get().onExit().orTimeout(Duration.ofSeconds(30).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                    .join();
        }
    }

    private void initialise() {
        Path pwfile = dataDir.resolve("postgres.pwfile");
        try {
            Files.writeString(pwfile, password() + "\n", StandardCharsets.UTF_8);
            // initdb syncs file by file; one sync of the file system at the end is as durable and much faster.
            // SCRAM's iterations stretch guessable passwords; this one is 192 random bits, so the default 4,096
            // only cost every new connection (both ends) two PBKDF2 runs: a few hundred ms of a cold start.
            runner.run(log, 180, binaries.resolve("bin/initdb").toString(), "-D", cluster.toString(), "-U", USER,
                    "--pwfile=" + pwfile, "-A", "scram-sha-256", "-c", "scram_iterations=" + SCRAM_ITERATIONS,
                    "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions");
            runner.run(log, 60, "sync", "-f", cluster.resolve("PG_VERSION").toString());
        } catch (IOException e) {
            throw new PersistenceException("Cannot initialise PostgreSQL in " + cluster, e);
        } finally {
            pwfile.toFile().delete();
        }
        LOG.info("Initialised a new PostgreSQL cluster in {}", cluster);
    }

    /** The superuser password, generated on first use and kept readable only by this user. */
    private String password() {
        Path file = dataDir.resolve("postgres.secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Files.createDirectories(dataDir);
            Files.writeString(file, password, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return password;
        } catch (IOException e) {
            throw new PersistenceException("Cannot read or create " + file, e);
        }
    }

    private String pgCtl() {
        return binaries.resolve("bin/pg_ctl").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PersistenceException("No free port for PostgreSQL", e);
        }
    }

    /** Reads the pid a PostgreSQL server recorded for its cluster. */
    static final class PostmasterPid {
        private PostmasterPid() {
        }

        static Optional<Long> read(Path cluster) {
            try {
                List<String> lines = Files.readAllLines(cluster.resolve("postmaster.pid"));
                return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
