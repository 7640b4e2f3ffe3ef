package dev.eliza.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds bundle jars at test time: a rebuild of a shipped bundle with another version, or an empty bundle. */
final class ModuleJars {
    private static final Path TEST_CLASSES =
            Path.of(ModuleJars.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    private ModuleJars() {
    }

    /** A copy of {@code original} whose manifest says {@code version}: what a rebuild with a new version ships. */
    static byte[] withVersion(Path original, String version) throws IOException {
        return withManifest(original, Map.of("Bundle-Version", version));
    }

    /**
     * A copy of the shipped example plugin under another id, with only its global routes (its per-agent route
     * would clash with the original's).
     */
    static byte[] pluginCopy(Path shipped, String id, String version) throws IOException {
        return withManifest(shipped, Map.of("Plugin-Id", id, "Plugin-Version", version), Map.of(
                "META-INF/extensions.idx", "dev.eliza.plugins.hello.HelloRoutes\n".getBytes()));
    }

    /** A copy of {@code original} with some manifest headers replaced (for example another {@code Plugin-Id}). */
    static byte[] withManifest(Path original, Map<String, String> headers) throws IOException {
        return withManifest(original, headers, Map.of());
    }

    /** A copy of {@code original} with some manifest headers and some entries replaced. */
    static byte[] withManifest(Path original, Map<String, String> headers, Map<String, byte[]> replaced)
            throws IOException {
        try (JarFile jar = new JarFile(original.toFile())) {
            Manifest manifest = new Manifest(jar.getManifest());
            headers.forEach(manifest.getMainAttributes()::putValue);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    if (replaced.containsKey(entry.getName())) {
                        out.write(replaced.get(entry.getName()));
                    } else {
                        try (InputStream in = jar.getInputStream(entry)) {
                            in.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        }
    }

    /** A bundle with no code that the modules API lists as domain {@code domain}. */
    static byte[] emptyDomainBundle(String symbolicName, String version, String domain) throws IOException {
        return jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", symbolicName,
                "Bundle-Version", version, "Eliza-Domain", domain), Map.of("README.txt", "probe".getBytes()));
    }

    /**
     * A bundle made of the compiled classes of {@code dev.eliza.it.probe} (the test's own output), the way a third
     * party would ship a domain: an activator registering a contribution with REST and WebSocket routes.
     */
    static byte[] echoProbeBundle() throws IOException {
        return probeBundle("dev/eliza/it/probe", Map.of("Bundle-SymbolicName", "it.echo", "Eliza-Domain", "echo",
                "Bundle-Activator", "dev.eliza.it.probe.EchoActivator",
                "Import-Package", "org.osgi.framework,dev.eliza.http.api,jakarta.ws.rs,jakarta.ws.rs.core,"
                        + "org.eclipse.jetty.websocket.api,org.eclipse.jetty.websocket.server,org.eclipse.jetty.util,"
                        + "dev.eliza.realtime.api,com.fasterxml.jackson.databind"));
    }

    /**
     * A bundle of {@code dev.eliza.it.events}: publishes platform events on request and records the channel
     * messages posted through the messaging contract, standing in for the messaging domain and agent runtime.
     */
    static byte[] eventsProbeBundle() throws IOException {
        return probeBundle("dev/eliza/it/events", Map.of("Bundle-SymbolicName", "it.events",
                "Eliza-Domain", "probe-events", "Bundle-Activator", "dev.eliza.it.events.EventsProbeActivator",
                "Import-Package", "org.osgi.framework,dev.eliza.http.api,jakarta.ws.rs,jakarta.ws.rs.core,"
                        + "dev.eliza.events.api,dev.eliza.messaging.api"));
    }

    /**
     * A bundle of {@code dev.eliza.it.agents}: stands in for the agent runtime with a map-backed runner, and writes
     * journal entries and reads desired states over {@code /api/probe-agents}.
     */
    static byte[] agentsProbeBundle() throws IOException {
        return probeBundle("dev/eliza/it/agents", Map.of("Bundle-SymbolicName", "it.agents",
                "Eliza-Domain", "probe-agents", "Bundle-Activator", "dev.eliza.it.agents.AgentsProbeActivator",
                "Import-Package", "org.osgi.framework,dev.eliza.http.api,jakarta.ws.rs,jakarta.ws.rs.core,"
                        + "dev.eliza.agents.api,com.fasterxml.jackson.databind,com.fasterxml.jackson.databind.node"));
    }

    /**
     * A PF4J plugin jar {@code id} made of the test class {@code dev.eliza.it.plugin.<className>} and its nested
     * classes; those annotated {@code @Extension} are listed as extensions.
     */
    static byte[] testPlugin(String id, String className) throws IOException {
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        Path dir = TEST_CLASSES.resolve("dev/eliza/it/plugin");
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(className + "(\\$.*)?\\.class"))
                    .toList()) {
                entries.put("dev/eliza/it/plugin/" + file.getFileName(), Files.readAllBytes(file));
            }
        }
        StringBuilder index = new StringBuilder();
        try {
            Class<?> top = Class.forName("dev.eliza.it.plugin." + className);
            java.util.stream.Stream.concat(java.util.stream.Stream.of(top),
                    java.util.Arrays.stream(top.getDeclaredClasses()))
                    .filter(c -> c.isAnnotationPresent(org.pf4j.Extension.class))
                    .forEach(c -> index.append(c.getName()).append('\n'));
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
        entries.put("META-INF/extensions.idx", index.toString().getBytes());
        return jar(Map.of("Plugin-Id", id, "Plugin-Version", "1.0.0"), entries);
    }

    private static byte[] probeBundle(String packageDir, Map<String, String> headers) throws IOException {
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = Files.list(TEST_CLASSES.resolve(packageDir))) {
            for (Path file : files.toList()) {
                entries.put(packageDir + "/" + file.getFileName(), Files.readAllBytes(file));
            }
        }
        Map<String, String> manifest = new java.util.HashMap<>(headers);
        manifest.put("Bundle-ManifestVersion", "2");
        manifest.put("Bundle-Version", "1.0.0");
        return jar(manifest, entries);
    }

    private static byte[] jar(Map<String, String> headers, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(manifest.getMainAttributes()::putValue);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Writes {@code bytes} under a temporary name and renames it into place, as operators are told to. */
    static void deploy(Path deployDir, String name, byte[] bytes) throws IOException {
        Path temp = deployDir.resolve("." + name + ".part");
        try (OutputStream out = Files.newOutputStream(temp)) {
            out.write(bytes);
        }
        Files.move(temp, deployDir.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
