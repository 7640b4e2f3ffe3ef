package dev.eliza.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the jars of {@code bundles/} into the framework. A bundle already installed from the same file keeps
 * its persisted state (an operator's stop survives a restart) unless the file is newer, which updates it.
 * <p>
 * They are installed in place (Felix's {@code reference:} locations): copying some 80 MB of jars into the bundle
 * cache was a sixth of a cold start. So a jar of {@code bundles/} must not be rewritten while the server runs;
 * {@code deploy/} is the way to change a bundle then, and its jars (like REST uploads) are copied, since they may go.
 */
final class BundleInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(BundleInstaller.class);
    static final String START_LEVEL_HEADER = "Eliza-Start-Level";
    private static final String REFERENCE = "reference:";

    private final BundleContext context;

    BundleInstaller(BundleContext context) {
        this.context = context;
    }

    /**
     * Installs or refreshes every jar in {@code dir} and uninstalls bundles whose jar left it; returns the bundles
     * to start (the newly installed ones).
     */
    List<Bundle> installAll(Path dir) throws IOException, BundleException {
        uninstallRemoved(dir);
        List<Bundle> toStart = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                // Earlier versions copied bundles/ in: such a bundle keeps its copy, and its state, until updated.
                Bundle existing = Optional.ofNullable(context.getBundle(inPlace(jar)))
                        .orElseGet(() -> context.getBundle(jar.toUri().toString()));
                if (existing == null) {
                    Bundle bundle = context.installBundle(inPlace(jar));
                    applyStartLevel(bundle);
                    toStart.add(bundle);
                } else if (Files.getLastModifiedTime(jar).toMillis() > existing.getLastModified()) {
                    try (InputStream in = Files.newInputStream(jar)) {
                        existing.update(in);
                    }
                    LOG.info("Updated {} from {}", existing.getSymbolicName(), jar.getFileName());
                }
            }
        }
        return toStart;
    }

    private void uninstallRemoved(Path dir) throws BundleException {
        String prefix = dir.toUri().toString();
        for (Bundle bundle : context.getBundles()) {
            String location = fileLocation(bundle.getLocation());
            if (location.startsWith(prefix) && !Files.exists(Path.of(java.net.URI.create(location)))) {
                LOG.info("Uninstalling {}: its jar is no longer in {}", bundle.getSymbolicName(), dir);
                bundle.uninstall();
            }
        }
    }

    Bundle install(String location, Path jar) throws IOException, BundleException {
        Bundle bundle;
        try (InputStream in = Files.newInputStream(jar)) {
            bundle = context.installBundle(location, in);
        }
        applyStartLevel(bundle);
        return bundle;
    }

    /** The location of a bundle read in place from {@code jar}. */
    private static String inPlace(Path jar) {
        return REFERENCE + jar.toUri();
    }

    /** The {@code file:} URI of a bundle's jar, whether it was installed in place or copied. */
    private static String fileLocation(String location) {
        return location.startsWith(REFERENCE) ? location.substring(REFERENCE.length()) : location;
    }

    private static void applyStartLevel(Bundle bundle) {
        startLevel(bundle).ifPresent(level -> bundle.adapt(BundleStartLevel.class).setStartLevel(level));
    }

    static void startAll(List<Bundle> bundles) {
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException e) {
                LOG.error("Bundle {} failed to start: {}", bundle.getSymbolicName(), e.getMessage(), e);
            }
        }
    }

    private static Optional<Integer> startLevel(Bundle bundle) {
        return Optional.ofNullable(bundle.getHeaders().get(START_LEVEL_HEADER)).map(String::trim)
                .map(Integer::parseInt);
    }
}
