package dev.eliza.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Builds the rooms probe bundle from the compiled classes of {@code dev.eliza.it.rooms} (the test's own output). */
final class RoomsProbe {
    private static final String PACKAGE_DIR = "dev/eliza/it/rooms";

    private RoomsProbe() {
    }

    static byte[] bundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "it.rooms");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Eliza-Domain", "probe-rooms");
        main.putValue("Bundle-Activator", "dev.eliza.it.rooms.RoomsProbeActivator");
        main.putValue("Import-Package", "org.osgi.framework,dev.eliza.http.api,jakarta.ws.rs,jakarta.ws.rs.core,"
                + "dev.eliza.rooms.api");
        Path classes = Path.of(RoomsProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest);
             Stream<Path> files = Files.list(classes.resolve(PACKAGE_DIR))) {
            for (Path file : files.sorted().toList()) {
                out.putNextEntry(new JarEntry(PACKAGE_DIR + "/" + file.getFileName()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
