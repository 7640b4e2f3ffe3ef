package dev.eliza.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformConfigTest {
    @TempDir
    Path home;

    @Test
    void environmentOverridesTheFileAndSystemPropertiesOverrideBoth() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/platform.properties"), "SERVER_PORT=4000\nLOG_LEVEL=debug\nEXTRA=file\n");
        Properties system = new Properties();
        system.setProperty("LOG_LEVEL", "warn");
        PlatformConfig config = PlatformConfig.load(home, Map.of("SERVER_PORT", "4100", "LOG_LEVEL", "error",
                "EXTRA", "env"), system);
        assertThat(config.port()).isEqualTo(4100);
        assertThat(config.get("LOG_LEVEL")).contains("warn");
        assertThat(config.get("EXTRA")).contains("env");
    }

    @Test
    void defaultsApplyAndFoldersAreAbsolute() throws Exception {
        PlatformConfig config = PlatformConfig.load(home, Map.of(), new Properties());
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.dataDir()).isEqualTo(home.resolve("data"));
        Map<String, String> framework = config.asFrameworkProperties();
        assertThat(framework).containsEntry("DEPLOY_DIR", home.resolve("deploy").toString())
                .containsEntry("ELIZA_HOME", home.toString()).doesNotContainKey("ELIZA_SERVER_AUTH_TOKEN");
    }

    @Test
    void documentedKeysAreTakenFromTheEnvironmentEvenWhenTheFileLacksThem() throws Exception {
        PlatformConfig config = PlatformConfig.load(home, Map.of("ELIZA_SERVER_AUTH_TOKEN", "k",
                "POSTGRES_URL", "postgresql://h/db", "SECRET_SALT", "salt", "UNRELATED", "x"), new Properties());
        assertThat(config.get("SECRET_SALT")).contains("salt");
        assertThat(config.get("ELIZA_SERVER_AUTH_TOKEN")).contains("k");
        assertThat(config.get("POSTGRES_URL")).contains("postgresql://h/db");
        assertThat(config.get("UNRELATED")).isEmpty();
    }

    @Test
    void theClusterTimingsCanBeGivenInTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("CLUSTER_HEARTBEAT_MS", "500", "CLUSTER_LEASE_MS", "3000",
                "AGENT_SCAN_INTERVAL_MS", "250");
        PlatformConfig config = PlatformConfig.load(home, env, new Properties());
        env.forEach((key, value) -> assertThat(config.get(key)).as(key).contains(value));
    }

    @Test
    void theSharedSecretFileOfTheTeeCanBeGivenInTheEnvironment() throws Exception {
        PlatformConfig config = PlatformConfig.load(home, Map.of("TEE_SECRET_FILE", "/run/secrets/tee"),
                new Properties());
        assertThat(config.get("TEE_SECRET_FILE")).contains("/run/secrets/tee");
    }

    @Test
    void theHardeningSettingsCanBeGivenInTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("ALLOWED_HOSTS", "eliza.example", "RATE_LIMIT_MAX", "50",
                "RATE_LIMIT_TRUSTED", "10.0.0.0/8", "SOCKETIO_MAX_BUFFERED_BYTES", "65536",
                "CONTENT_SECURITY_POLICY", "default-src 'self'");
        PlatformConfig config = PlatformConfig.load(home, env, new Properties());
        env.forEach((key, value) -> assertThat(config.get(key)).as(key).contains(value));
    }

    @Test
    void characterFilesFromTheEnvironmentAndTheCommandLineReachTheBundlesAbsolute() throws Exception {
        PlatformConfig loaded = PlatformConfig.load(home, Map.of("ELIZA_CHARACTERS", "/x/a.json,/x/b.json",
                "ELIZA_DEFAULT_AGENT", "false"), new Properties());
        List<Path> files = loaded.characters(List.of(Path.of("/y/c.json")));
        assertThat(files).containsExactly(Path.of("/x/a.json"), Path.of("/x/b.json"), Path.of("/y/c.json"));
        PlatformConfig config = loaded.withCharacters(files);
        assertThat(config.asFrameworkProperties()).containsEntry("ELIZA_DEFAULT_AGENT", "false")
                .containsEntry("ELIZA_CHARACTERS", "/x/a.json" + File.pathSeparator + "/x/b.json"
                        + File.pathSeparator + "/y/c.json");
        assertThat(config.characters(List.of())).isEqualTo(files);
        assertThat(PlatformConfig.load(home, Map.of(), new Properties()).withCharacters(List.of())
                .asFrameworkProperties()).doesNotContainKey("ELIZA_CHARACTERS");
    }
}
