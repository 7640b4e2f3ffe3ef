package dev.eliza.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot deployment from {@code deploy/}: a jar dropped in is installed and started, a replaced jar updates its bundle
 * (also when it replaces a bundle of {@code bundles/} with the same symbolic name), a deleted jar is uninstalled.
 * A file is only used once its size and time stop changing between two scans and it opens as a jar, so a copy
 * still being written is left alone.
 */
final class DeployWatcher implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(DeployWatcher.class);

    private record Seen(long size, long modified) {
    }

    private final BundleContext context;
    private final BundleInstaller installer;
    private final Path dir;
    private final Map<Path, Seen> pending = new HashMap<>();
    /** Jars used in this run, failed ones included, so a broken jar is tried once until it changes. */
    private final Map<Path, Seen> handled = new HashMap<>();
    private final DeployMemory applied;

    /** {@code memory}: the file, in the data folder, where what was applied is remembered across restarts. */
    DeployWatcher(BundleContext context, BundleInstaller installer, Path dir, Path memory) {
        this.context = context;
        this.installer = installer;
        this.dir = dir;
        this.applied = DeployMemory.load(memory, context);
    }

    @Override
    public void run() {
        try {
            scan();
        } catch (Exception e) {
            LOG.warn("Scanning {} failed: {}", dir, e.getMessage(), e);
        }
    }

    void scan() throws IOException {
        Map<Path, Seen> now = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(DeployWatcher::isCandidate).toList()) {
                now.put(jar, new Seen(Files.size(jar), Files.getLastModifiedTime(jar).toMillis()));
            }
        }
        boolean changed = false;
        for (Map.Entry<Path, Seen> entry : now.entrySet()) {
            Path jar = entry.getKey();
            Seen seen = entry.getValue();
            if (seen.equals(handled.get(jar)) || applied.isApplied(jar, seen.size(), seen.modified())) {
                continue;
            }
            if (seen.equals(pending.get(jar)) && opensAsJar(jar)) {
                Optional<Bundle> bundle = apply(jar);
                changed |= bundle.isPresent();
                bundle.ifPresent(b -> applied.remember(jar, seen.size(), seen.modified(), b));
                handled.put(jar, seen);
                pending.remove(jar);
            } else {
                pending.put(jar, seen);
            }
        }
        changed |= uninstallDeleted(now);
        pending.keySet().retainAll(now.keySet());
        handled.keySet().retainAll(now.keySet());
        applied.retain(now.keySet());
        if (changed) {
            refreshRemovalPending();
        }
    }

    /** The bundle the jar was applied to; empty when it could not be used (it is tried again once it changes). */
    private Optional<Bundle> apply(Path jar) {
        String location = jar.toUri().toString();
        try {
            Optional<Bundle> target = Optional.ofNullable(context.getBundle(location))
                    .or(() -> symbolicName(jar).flatMap(this::installedNamed));
            if (target.isPresent()) {
                try (InputStream in = Files.newInputStream(jar)) {
                    target.get().update(in);
                }
                LOG.info("Deploy: updated {} from {}", target.get().getSymbolicName(), jar.getFileName());
                return target;
            }
            Bundle bundle = installer.install(location, jar);
            bundle.start();
            LOG.info("Deploy: installed and started {} {}", bundle.getSymbolicName(), bundle.getVersion());
            return Optional.of(bundle);
        } catch (IOException | BundleException | RuntimeException e) {
            LOG.error("Deploy: could not use {}: {}", jar.getFileName(), e.getMessage());
            return Optional.empty();
        }
    }

    private boolean uninstallDeleted(Map<Path, Seen> present) {
        String prefix = dir.toUri().toString();
        boolean changed = false;
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            if (location.startsWith(prefix) && !present.containsKey(Path.of(java.net.URI.create(location)))) {
                try {
                    bundle.uninstall();
                    LOG.info("Deploy: uninstalled {} (its jar was removed)", bundle.getSymbolicName());
                    changed = true;
                } catch (BundleException e) {
                    LOG.error("Deploy: could not uninstall {}: {}", bundle.getSymbolicName(), e.getMessage());
                }
            }
        }
        return changed;
    }

    private void refreshRemovalPending() {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        if (!wiring.getRemovalPendingBundles().isEmpty()) {
            wiring.refreshBundles(null);
        }
    }

    private Optional<Bundle> installedNamed(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst();
    }

    private static Optional<String> symbolicName(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Optional.ofNullable(file.getManifest())
                    .map(m -> m.getMainAttributes().getValue("Bundle-SymbolicName"))
                    .map(name -> name.split(";")[0].trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean opensAsJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isCandidate(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jar") && !name.startsWith(".") && Files.isRegularFile(file);
    }
}
