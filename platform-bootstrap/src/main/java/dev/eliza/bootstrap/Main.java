package dev.eliza.bootstrap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the platform: reads the configuration, takes the data folder's lock, sets up logging, checks the port,
 * embeds Felix with every bundle of {@code bundles/}, watches {@code deploy/}, and stops gracefully on SIGTERM.
 * Exit codes: 1 the platform failed to start (a character file given with {@code --character} or
 * {@code ELIZA_CHARACTERS} is missing or bad, ...), 2 port taken, 3 data folder in use by another process, 64 unknown
 * option. {@code --help} and {@code --version} print and exit.
 */
public final class Main {
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    static final int EXIT_DATA_DIR_IN_USE = 3;
    static final int EXIT_USAGE = 64;
    /** The system property naming a file to create once the server is ready. */
    static final String READY_FILE = "eliza.readyFile";
    /** Held for the life of the process: the lock goes with the channel, and so with this reference. */
    private static DataDirLock dataDirLock;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.currentTimeMillis();
        CommandLine.Parsed options = CommandLine.parse(args, Path.of("").toAbsolutePath(), System.out, System.err);
        if (options.exitCode().isPresent()) {
            System.exit(options.exitCode().getAsInt());
        }
        Path home = Path.of(System.getProperty("eliza.home", ".")).toAbsolutePath().normalize();
        PlatformConfig loaded = PlatformConfig.load(home, System.getenv(), System.getProperties());
        PlatformConfig config = loaded.withCharacters(loaded.characters(options.characters()));
        for (Path character : config.characters(List.of())) {
            if (!Files.isRegularFile(character) || !Files.isReadable(character)) {
                System.err.println("Character file not found or not readable: " + character);
                System.exit(1);
            }
        }
        Files.createDirectories(config.logsDir());
        Files.createDirectories(config.dataDir());
        try {
            dataDirLock = DataDirLock.acquire(config.dataDir());
        } catch (DataDirLock.InUseException e) {
            // Before logging is set up: the log files belong to the process that holds the folder.
            System.err.println(e.getMessage());
            System.exit(EXIT_DATA_DIR_IN_USE);
        }
        LogFormat format = LogFormat.TEXT;
        try {
            format = LogFormat.parse(config.get("LOG_FORMAT").orElse("text"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        RingLogBuffer logs = new RingLogBuffer(1000);
        Logging.configure(config.get("LOG_LEVEL").orElse("info"), format, config.logsDir(), logs);
        Logger log = LoggerFactory.getLogger(Main.class);

        if (!portIsFree(config.host(), config.port())) {
            log.error("Port {} on {} is already in use. Stop whatever listens there or set SERVER_PORT.",
                    config.port(), config.host());
            System.exit(2);
        }
        FelixPlatform platform = new FelixPlatform(config, logs);
        Duration shutdown = Duration.ofMillis(Long.parseLong(config.get("SHUTDOWN_TIMEOUT_MS").orElse("10000")))
                .plusSeconds(20);
        AtomicBoolean hookRunning = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hookRunning.set(true);
            log.info("Shutting down");
            try {
                platform.stop(shutdown);
            } catch (Exception e) {
                log.error("Shutdown was not clean: {}", e.getMessage(), e);
            }
        }, "shutdown"));
        try {
            StartupReport report = platform.start(STARTUP_TIMEOUT);
            log.info(report.describe(System.currentTimeMillis() - started));
            markReady(log);
        } catch (StartRefusedException e) {
            // the operator's mistake, named in the message: a stack trace would only bury it
            log.error("The platform failed to start: {}", e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            log.error("The platform failed to start: {}", e.getMessage(), e);
            System.exit(1);
        }
        platform.awaitStop();
        if (!hookRunning.get()) {
            System.exit(0);
        }
    }

    /**
     * Creates the file named by {@code eliza.readyFile}, if any: the launcher adopts the class archive a run records at
     * exit only when that run got this far, so that a run that stopped early cannot leave a poor archive behind.
     */
    private static void markReady(Logger log) {
        String file = System.getProperty(READY_FILE);
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), "");
        } catch (IOException e) {
            log.warn("Could not create the ready file {}: {}", file, e.getMessage());
        }
    }

    private static boolean portIsFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
