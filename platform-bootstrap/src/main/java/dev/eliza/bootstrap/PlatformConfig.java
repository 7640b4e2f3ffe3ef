package dev.eliza.bootstrap;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The platform's settings: {@code conf/platform.properties} under the home folder, each key overridden by an
 * environment variable of the same name, and that by a {@code -D} system property of the same name.
 */
final class PlatformConfig {
    static final Map<String, String> DEFAULTS = Map.of(
            "SERVER_PORT", "3000",
            "SERVER_HOST", "127.0.0.1",
            "DATA_DIR", "./data",
            "LOG_LEVEL", "info",
            "DEPLOY_POLL_MS", "1000",
            "SHUTDOWN_TIMEOUT_MS", "10000");
    static final String CHARACTERS = "ELIZA_CHARACTERS";
    /** Keys without a default that the environment may still set (the file may name others). */
    private static final String[] OPTIONAL_KEYS = {"ELIZA_SERVER_AUTH_TOKEN", "SERVER_API_KEY", "POSTGRES_URL",
        "SECRET_SALT", "MAX_BODY_BYTES", "SWAP_HOLD_MS", "CORS_ORIGINS", "ELIZA_ENV", "SOCKETIO_PING_INTERVAL_MS",
        "SOCKETIO_PING_TIMEOUT_MS", "SOCKETIO_MAX_PAYLOAD_BYTES", "SOCKETIO_MAX_BUFFERED_BYTES", "ALLOWED_HOSTS",
        "RATE_LIMIT_ENABLED", "RATE_LIMIT_MAX", "RATE_LIMIT_WINDOW_MS", "RATE_LIMIT_TRUSTED", "RATE_LIMIT_MAX_CLIENTS",
        "CONTENT_SECURITY_POLICY", "MESSAGING_HTTP_REPLY_TIMEOUT_MS",
        "SESSION_DEFAULT_TIMEOUT_MINUTES", "SESSION_MIN_TIMEOUT_MINUTES", "SESSION_MAX_TIMEOUT_MINUTES",
        "SESSION_MAX_DURATION_MINUTES", "SESSION_WARNING_THRESHOLD_MINUTES", "SESSION_CLEANUP_INTERVAL_MINUTES",
        "AGENT_MAX_REPLY_DEPTH", "AGENT_HISTORY_SIZE", "AGENT_RETRY_MAX_ATTEMPTS", "AGENT_RETRY_BASE_MS",
        "AGENT_PROVIDER_WAIT_MS", "AGENT_STOP_WAIT_MS", "AGENT_WORKERS", "AGENT_MEMORY_RECALL", "AGENT_LOGS_KEEP",
        "ELIZA_UI_ENABLE", "JOBS_RETENTION_MINUTES", "MEMORY_IMPORT_MAX_MEMORIES", "MEMORY_EMBED_WORKERS",
        "AUDIO_MAX_BYTES", "AUDIO_TIMEOUT_MS", "AUDIO_MAX_SECONDS", "ESPEAK_NG_PATH", "POCKETSPHINX_PATH",
        "POCKETSPHINX_MODEL_DIR", "MEDIA_MAX_UPLOAD_BYTES", "TEE_PROVIDER", "TEE_SECRET_FILE", "ELIZA_DEFAULT_AGENT",
        CHARACTERS,
        "LOG_FORMAT", "ACCESS_LOG", "ACCESS_LOG_MAX_PER_SECOND", "ACCESS_LOG_SLOW_MS",
        "PLUGIN_ROUTE_TIMEOUT_MS", "PLUGIN_FAILURE_THRESHOLD", "PLUGIN_THREADS", "MODEL_TIMEOUT_MS",
        "CLUSTER_HEARTBEAT_MS", "CLUSTER_LEASE_MS", "AGENT_SCAN_INTERVAL_MS"};

    private final Path home;
    private final Map<String, String> values;

    private PlatformConfig(Path home, Map<String, String> values) {
        this.home = home;
        this.values = values;
    }

    static PlatformConfig load(Path home, Map<String, String> env, Properties system) throws IOException {
        Map<String, String> values = new TreeMap<>(DEFAULTS);
        Path file = home.resolve("conf/platform.properties");
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
        }
        for (String key : OPTIONAL_KEYS) {
            values.putIfAbsent(key, "");
        }
        for (String key : values.keySet().toArray(String[]::new)) {
            Optional.ofNullable(env.get(key)).ifPresent(v -> values.put(key, v));
            Optional.ofNullable(system.getProperty(key)).ifPresent(v -> values.put(key, v));
        }
        values.values().removeIf(String::isEmpty);
        return new PlatformConfig(home, values);
    }

    /**
     * The character files to launch with: those of {@code ELIZA_CHARACTERS} (comma or path-separator separated,
     * relative to the working folder), then {@code extra} (from {@code --character}); absolute, in that order.
     */
    List<Path> characters(List<Path> extra) {
        List<Path> files = new ArrayList<>();
        for (String name : get(CHARACTERS).orElse("").split("[," + File.pathSeparator + "]")) {
            if (!name.isBlank()) {
                files.add(Path.of(name.trim()).toAbsolutePath().normalize());
            }
        }
        files.addAll(extra);
        return files;
    }

    /** This configuration with {@code ELIZA_CHARACTERS} naming exactly {@code files}, for the agents bundle. */
    PlatformConfig withCharacters(List<Path> files) {
        Map<String, String> changed = new TreeMap<>(values);
        changed.remove(CHARACTERS);
        if (!files.isEmpty()) {
            changed.put(CHARACTERS, String.join(File.pathSeparator, files.stream().map(Path::toString).toList()));
        }
        return new PlatformConfig(home, changed);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    int port() {
        return Integer.parseInt(values.get("SERVER_PORT"));
    }

    String host() {
        return values.get("SERVER_HOST");
    }

    Path home() {
        return home;
    }

    Path dataDir() {
        return home.resolve(values.get("DATA_DIR")).normalize();
    }

    Path bundlesDir() {
        return home.resolve("bundles");
    }

    Path deployDir() {
        return home.resolve("deploy");
    }

    Path logsDir() {
        return home.resolve("logs");
    }

    /** Every setting, with the folders made absolute, as framework properties for the bundles. */
    Map<String, String> asFrameworkProperties() {
        Map<String, String> properties = new TreeMap<>(values);
        properties.put("DATA_DIR", dataDir().toString());
        properties.put("DEPLOY_DIR", deployDir().toString());
        properties.put("PLUGINS_DIR", home.resolve("plugins").toString());
        properties.put("ELIZA_HOME", home.toString());
        return properties;
    }
}
