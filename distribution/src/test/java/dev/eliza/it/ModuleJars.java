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
    private ModuleJars() {
    }

    /** A copy of {@code original} whose manifest says {@code version}: what a rebuild with a new version ships. */
    static byte[] withVersion(Path original, String version) throws IOException {
        return withManifest(original, Map.of("Bundle-Version", version));
    }

    /** A copy of {@code original} with some manifest headers replaced (for example another {@code Plugin-Id}). */
    static byte[] withManifest(Path original, Map<String, String> headers) throws IOException {
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
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        }
    }

    /** A bundle with no code that the modules API lists as domain {@code domain}. */
    static byte[] emptyDomainBundle(String symbolicName, String version, String domain) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Eliza-Domain", domain);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.putNextEntry(new JarEntry("README.txt"));
            out.write("probe".getBytes());
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    /**
     * A bundle made of the compiled classes of {@code dev.eliza.it.probe} (the test's own output), the way a third
     * party would ship a domain: an activator registering a contribution with REST and WebSocket routes.
     */
    static byte[] echoProbeBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "it.echo");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Eliza-Domain", "echo");
        main.putValue("Bundle-Activator", "dev.eliza.it.probe.EchoActivator");
        main.putValue("Import-Package", "org.osgi.framework,dev.eliza.http.api,jakarta.ws.rs,jakarta.ws.rs.core,"
                + "org.eclipse.jetty.websocket.api,org.eclipse.jetty.websocket.server,org.eclipse.jetty.util,"
                + "dev.eliza.realtime.api,com.fasterxml.jackson.databind");
        Path classes = Path.of(ModuleJars.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path probe = classes.resolve("dev/eliza/it/probe");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest);
             java.util.stream.Stream<Path> files = Files.list(probe)) {
            for (Path file : files.sorted().toList()) {
                out.putNextEntry(new JarEntry("dev/eliza/it/probe/" + file.getFileName()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A PF4J plugin jar {@code broken} whose only extension throws when asked for its routes. */
    static byte[] brokenPlugin() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", "broken");
        main.putValue("Plugin-Version", "1.0.0");
        Path classes = Path.of(ModuleJars.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.putNextEntry(new JarEntry("dev/eliza/it/plugin/BrokenRoutes.class"));
            out.write(Files.readAllBytes(classes.resolve("dev/eliza/it/plugin/BrokenRoutes.class")));
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            out.write("dev.eliza.it.plugin.BrokenRoutes\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
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
