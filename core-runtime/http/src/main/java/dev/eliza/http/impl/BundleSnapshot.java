package dev.eliza.http.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;

/**
 * Writes the content of a bundle's current revision to a jar, so an update that the framework refuses can be
 * undone with exactly what ran before (the original file may be gone or may be an older version).
 */
final class BundleSnapshot {
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private BundleSnapshot() {
    }

    static Path write(Bundle bundle) throws IOException {
        Path jar = Files.createTempFile("module-previous-", ".jar");
        URL manifestUrl = bundle.getEntry(MANIFEST);
        try (OutputStream file = Files.newOutputStream(jar);
             InputStream manifestIn = manifestUrl.openStream();
             JarOutputStream out = new JarOutputStream(file, new Manifest(manifestIn))) {
            for (URL entry : entries(bundle)) {
                String name = entry.getPath().startsWith("/") ? entry.getPath().substring(1) : entry.getPath();
                if (name.isEmpty() || name.equals(MANIFEST) || name.equals("META-INF/")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                if (!name.endsWith("/")) {
                    try (InputStream in = entry.openStream()) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(jar);
            throw e;
        }
        return jar;
    }

    private static List<URL> entries(Bundle bundle) {
        Enumeration<URL> all = bundle.findEntries("/", "*", true);
        return all == null ? List.of() : Collections.list(all);
    }
}
