package dev.eliza.tee.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;

/**
 * What code the server runs, as one SHA-256: over the sorted lines {@code <symbolic name> <version> <jar sha-256>}
 * of every installed bundle that is resolved or active (the system bundle's line carries {@code -} for its jar). A
 * bundle installed from something other than a file also gets {@code -}. Computed once and again only after a
 * bundle changes ({@link #invalidate()}), since hashing every jar takes tens of milliseconds.
 */
final class CodeMeasurement {
    /** The measurement of a moment. */
    record Value(String digest, int bundles, List<String> lines) {
    }

    private final Supplier<Bundle[]> bundles;
    private volatile Value current;

    CodeMeasurement(Supplier<Bundle[]> bundles) {
        this.bundles = bundles;
    }

    Value current() {
        Value value = current;
        if (value == null) {
            value = measure();
            current = value;
        }
        return value;
    }

    void invalidate() {
        current = null;
    }

    private Value measure() {
        List<String> lines = Arrays.stream(bundles.get())
                .filter(b -> (b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0)
                .map(b -> b.getSymbolicName() + " " + b.getVersion() + " " + jarDigest(b).orElse("-"))
                .sorted().toList();
        MessageDigest sha = sha256();
        lines.forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return new Value(HexFormat.of().formatHex(sha.digest()), lines.size(), lines);
    }

    private static Optional<String> jarDigest(Bundle bundle) {
        // The bootstrap installs bundles/ in place: "reference:file:...".
        String location = Optional.ofNullable(bundle.getLocation()).map(l -> l.replaceFirst("^reference:", ""))
                .orElse(null);
        if (bundle.getBundleId() == 0 || location == null || !location.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            Path jar = Path.of(URI.create(location));
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            MessageDigest sha = sha256();
            try (InputStream in = Files.newInputStream(jar)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                }
            }
            return Optional.of(HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
