package dev.eliza.webclient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;

/**
 * The web client's files, copied out of this bundle into its data area once per bundle version, so Jetty serves
 * them from disk (file channels, modification times for {@code Last-Modified} and {@code ETag}) as it serves any
 * static folder. A folder left by an earlier version is removed.
 */
final class ClientFiles {
    static final String ENTRY_ROOT = "web-client";

    private ClientFiles() {
    }

    /** The folder holding the files of this bundle's version under {@code dataArea}. */
    static Path extract(Bundle bundle, Path dataArea) throws IOException {
        Path target = dataArea.resolve(bundle.getVersion() + "-" + bundle.getLastModified());
        if (!Files.isRegularFile(target.resolve("index.html"))) {
            Path partial = Files.createTempDirectory(dataArea, "extracting-");
            Enumeration<URL> entries = bundle.findEntries(ENTRY_ROOT, "*", true);
            while (entries != null && entries.hasMoreElements()) {
                URL entry = entries.nextElement();
                String name = entry.getPath().substring(ENTRY_ROOT.length() + 2);
                if (name.isEmpty() || name.endsWith("/")) {
                    continue;
                }
                Path file = partial.resolve(name).normalize();
                if (!file.startsWith(partial)) {
                    throw new IOException("Entry outside the web client's folder: " + entry);
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = entry.openStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (!Files.isRegularFile(partial.resolve("index.html"))) {
                throw new IOException("This bundle holds no web client (no " + ENTRY_ROOT + "/index.html)");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }
        removeOthers(dataArea, target);
        return target;
    }

    private static void removeOthers(Path dataArea, Path keep) throws IOException {
        try (Stream<Path> folders = Files.list(dataArea)) {
            for (Path folder : folders.filter(p -> !p.equals(keep)).toList()) {
                try (Stream<Path> tree = Files.walk(folder)) {
                    tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
