package dev.eliza.tee.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;

/**
 * What code the server runs, as one SHA-256: over the sorted lines {@code <symbolic name> <version> <content sha-256>}
 * of every installed bundle that is resolved or active (the system bundle's line carries {@code -}). A bundle's
 * content digest covers every entry of its current revision (paths and bytes, with its fragments'), read through the
 * framework rather than from the file it was installed from: a bundle updated from {@code deploy/} or the modules
 * API keeps its first location, but runs the new jar. Computed once and again only after a bundle changes
 * ({@link #invalidate()}); a bundle's digest is kept until it changes, since reading every entry takes a while.
 */
final class CodeMeasurement {
    /** The measurement of a moment. */
    record Value(String digest, int bundles, List<String> lines) {
    }

    /** A bundle's digest, good while the bundle has not changed since {@code lastModified}. */
    private record Digest(long lastModified, String sha256) {
    }

    private final Supplier<Bundle[]> bundles;
    private final Map<Long, Digest> digests = new ConcurrentHashMap<>();
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
        Bundle[] installed = bundles.get();
        List<String> lines = Arrays.stream(installed)
                .filter(b -> (b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0)
                .map(b -> b.getSymbolicName() + " " + b.getVersion() + " " + contentDigest(b))
                .sorted().toList();
        digests.keySet().retainAll(Arrays.stream(installed).map(Bundle::getBundleId).toList());
        MessageDigest sha = sha256();
        lines.forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return new Value(HexFormat.of().formatHex(sha.digest()), lines.size(), lines);
    }

    private String contentDigest(Bundle bundle) {
        if (bundle.getBundleId() == 0) {
            return "-";
        }
        long lastModified = bundle.getLastModified();
        Digest known = digests.get(bundle.getBundleId());
        if (known != null && known.lastModified() == lastModified) {
            return known.sha256();
        }
        String sha256 = entriesDigest(bundle);
        digests.put(bundle.getBundleId(), new Digest(lastModified, sha256));
        return sha256;
    }

    private static String entriesDigest(Bundle bundle) {
        Enumeration<URL> found = bundle.findEntries("/", "*", true);
        List<URL> entries = found == null ? List.of() : Collections.list(found).stream()
                .filter(url -> !url.getPath().endsWith("/"))
                .sorted(Comparator.comparing(URL::getPath).thenComparing(URL::toString)).toList();
        MessageDigest sha = sha256();
        byte[] buffer = new byte[64 * 1024];
        for (URL entry : entries) {
            sha.update((entry.getPath() + "\0").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = entry.openStream()) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + entry + " of bundle " + bundle.getSymbolicName(), e);
            }
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
