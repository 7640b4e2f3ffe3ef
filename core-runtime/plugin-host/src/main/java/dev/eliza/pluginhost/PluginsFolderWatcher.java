package dev.eliza.pluginhost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the running plugins in step with the {@code plugins/} folder: a jar dropped in is installed and started, a
 * replaced jar reloads its plugin, a deleted jar unloads it. A file is used only once its size and time held still
 * between two scans, so a copy in progress is left alone.
 */
final class PluginsFolderWatcher implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginsFolderWatcher.class);

    private record Seen(long size, long modified) {
    }

    private final Path dir;
    private final PluginHost host;
    private final Map<Path, Seen> pending = new HashMap<>();
    private final Map<Path, Seen> applied = new HashMap<>();

    PluginsFolderWatcher(Path dir, PluginHost host) {
        this.dir = dir;
        this.host = host;
    }

    @Override
    public void run() {
        try {
            scan();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Scanning {} failed: {}", dir, e.getMessage());
        }
    }

    private void scan() throws IOException {
        Map<Path, Seen> now = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList()) {
                now.put(jar, new Seen(Files.size(jar), Files.getLastModifiedTime(jar).toMillis()));
            }
        }
        now.forEach(this::consider);
        for (Path gone : applied.keySet().stream().filter(p -> !now.containsKey(p)).toList()) {
            applied.remove(gone);
            host.idOf(gone).ifPresent(id -> {
                host.unload(id);
                LOG.info("Plugin {} unloaded: its jar was removed", id);
            });
        }
        pending.keySet().retainAll(now.keySet());
    }

    private void consider(Path jar, Seen seen) {
        Seen before = applied.get(jar);
        if (seen.equals(before)) {
            return;
        }
        if (!seen.equals(pending.put(jar, seen))) {
            return;
        }
        pending.remove(jar);
        applied.put(jar, seen);
        Optional<String> installed = host.idOf(jar);
        try {
            if (installed.isEmpty()) {
                LOG.info("Plugin {} installed from {}", host.install(jar), jar.getFileName());
            } else if (before != null) {
                host.reload(installed.get());
                LOG.info("Plugin {} reloaded from {}", installed.get(), jar.getFileName());
            }
        } catch (RuntimeException e) {
            LOG.error("Plugin jar {} could not be used: {}", jar.getFileName(), e.getMessage());
        }
    }
}
