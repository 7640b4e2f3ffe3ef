package dev.eliza.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The offline provider in the real distribution: its bundle resolves with everything it embeds, answers, and
 * embeds with the ONNX model, which loads its native libraries inside OSGi; after the bundle is updated in the same
 * JVM (a new class loader) it loads them again and embeds the same. A probe bundle built from
 * {@code dev.eliza.it.offline} calls the provider service and serves the results.
 */
class OfflineProviderIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path TEST_CLASSES =
            Path.of(OfflineProviderIT.class.getProtectionDomain().getCodeSource().getLocation().getPath());

    @RegisterExtension
    static final PlatformExtension PLATFORM = new PlatformExtension(PlatformProcess.env());
    static PlatformProcess platform;
    static Http http;
    static Path home;

    @BeforeAll
    static void deployProbe() throws Exception {
        platform = PLATFORM.process();
        http = PLATFORM.http();
        home = PLATFORM.home();
        ModuleJars.deploy(home.resolve("deploy"), "offline-probe.jar", probeBundle());
        Awaits.until(WAIT, "the probe serves", () -> probe("reply", "hello").status() == 200);
    }

    @Test
    void answersAndStreamsInsideTheContainer() throws Exception {
        JsonNode reply = probe("reply", "Hello there").json();
        assertThat(reply.path("bundle").asText()).isEqualTo("provider-offline");
        assertThat(reply.path("text").asText()).contains("I'm Probe.");
        StringBuilder joined = new StringBuilder();
        reply.path("chunks").forEach(chunk -> joined.append(chunk.asText()));
        assertThat(reply.path("chunks").size()).isGreaterThan(3);
        assertThat(joined.toString()).isEqualTo(reply.path("text").asText());
    }

    @Test
    void embedsInsideTheContainerAndAgainAfterItsBundleIsUpdated() throws Exception {
        Http.Reply first = probe("embed", "The cat sat on the mat.");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode before = first.json();
        assertThat(before.path("dimensions").asInt()).isEqualTo(384);
        long firstMillis = before.path("millis").asLong();
        long laterMillis = probe("embed", "Another sentence entirely.").json().path("millis").asLong();

        byte[] rebuilt = ModuleJars.withVersion(home.resolve("bundles/provider-offline.jar"), "9.9.9.offline");
        ModuleJars.deploy(home.resolve("deploy"), "provider-offline.jar", rebuilt);
        JsonNode[] updated = new JsonNode[1];
        Awaits.until(WAIT, "the updated provider embeds", () -> {
            Http.Reply reply = probe("embed", "The cat sat on the mat.");
            updated[0] = reply.status() == 200 ? reply.json() : null;
            return updated[0] != null && updated[0].path("version").asText().equals("9.9.9.offline");
        });
        JsonNode after = updated[0];
        System.out.printf("offline embedding in the container: first %d ms, later %d ms, first after update %d ms%n",
                firstMillis, laterMillis, after.path("millis").asLong());
        assertThat(after.path("dimensions").asInt()).isEqualTo(384);
        assertThat(after.path("head")).isEqualTo(before.path("head"));
        assertThat(platform.console()).doesNotContain("already loaded in another classloader")
                .doesNotContain("UnsatisfiedLinkError");
    }

    private static Http.Reply probe(String route, String text) throws Exception {
        return http.get("/api/offline-probe/" + route + "?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    /** A bundle of the compiled classes of {@code dev.eliza.it.offline}, with an activator and plain imports. */
    private static byte[] probeBundle() throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "it.offline.probe", "Bundle-Version", "1.0.0",
                "Eliza-Domain", "offline-probe", "Bundle-Activator", "dev.eliza.it.offline.OfflineProbeActivator",
                "Import-Package", "org.osgi.framework,dev.eliza.http.api,dev.eliza.models.api,jakarta.ws.rs,"
                        + "jakarta.ws.rs.core,com.fasterxml.jackson.databind,com.fasterxml.jackson.databind.node")
                .forEach(main::putValue);
        Map<String, byte[]> entries = new TreeMap<>();
        List<Path> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(TEST_CLASSES.resolve("dev/eliza/it/offline"))) {
            files.forEach(classes::add);
        }
        for (Path file : classes) {
            entries.put("dev/eliza/it/offline/" + file.getFileName(), Files.readAllBytes(file));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
