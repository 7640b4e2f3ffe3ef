package dev.eliza.http.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import dev.eliza.http.api.ApiException;

/** Reads the bundle identity of a jar before the framework is asked to use it. */
final class BundleJars {
    private BundleJars() {
    }

    static Optional<String> symbolicName(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return Optional.empty();
            }
            String value = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return Optional.ofNullable(value).map(v -> v.split(";")[0].trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void requireSymbolicName(Path jar, String expected) {
        Optional<String> actual = symbolicName(jar);
        if (actual.isEmpty()) {
            throw new ApiException(422, "INVALID_BUNDLE", "The upload is not an OSGi bundle jar");
        }
        if (!actual.get().equals(expected)) {
            throw new ApiException(422, "INVALID_BUNDLE",
                    "The jar is bundle " + actual.get() + ", not " + expected);
        }
    }
}
