package dev.eliza.pluginhost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.http.api.ApiException;

/**
 * The one owner of the {@code plugins/} folder: uploads, reloads and deletions through the API and the periodic
 * scan all go through it, one at a time, and it remembers which version of each jar is running. So a scan never
 * takes a jar the API just installed for a replacement (and reloads or unloads it), and two uploads of one id
 * cannot overwrite each other.
 *
 * <p>The scan follows operators: a jar dropped in is installed and started, a replaced jar reloads its plugin, a
 * deleted jar unloads it. A file is used only once its size and time held still between two scans, so a copy in
 * progress is left alone.
 */
final class PluginsFolder implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginsFolder.class);

    private record Seen(long size, long modified) {
        static Seen of(Path jar) throws IOException {
            return new Seen(Files.size(jar), Files.getLastModifiedTime(jar).toMillis());
        }
    }

    private final Path dir;
    private final PluginHost host;
    private final Map<Path, Seen> pending = new HashMap<>();
    private final Map<Path, Seen> applied = new HashMap<>();

    PluginsFolder(Path dir, PluginHost host) {
        this.dir = dir;
        this.host = host;
    }

    /** Where uploads are written before they are installed: inside the folder, under a name no scan picks up. */
    Path newUpload() throws IOException {
        return Files.createTempFile(dir, ".upload-", ".tmp");
    }

    /**
     * Moves {@code upload} into the folder as {@code <id>.jar} and starts it, answering only once the plugin is
     * started with its routes mounted; a plugin that cannot start leaves no jar and nothing registered behind.
     *
     * @throws ApiException 409 when the id is installed, 422 with the reason when the plugin does not start
     */
    synchronized void install(Path upload, String id) throws IOException {
        Path target = dir.resolve(id + ".jar");
        if (host.has(id) || Files.exists(target)) {
            throw new ApiException(409, "PLUGIN_EXISTS", "Plugin " + id + " is already installed; reload it");
        }
        Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
        try {
            host.installStarted(target);
        } catch (RuntimeException e) {
            Files.deleteIfExists(target);
            forget(target);
            throw e;
        }
        remember(target);
    }

    /** Reloads the plugin from its jar, holding its routes meanwhile. */
    synchronized void reload(String id) throws IOException {
        remember(host.reload(id));
    }

    /** Unloads the plugin and deletes its jar. */
    synchronized void delete(String id) throws IOException {
        Path jar = host.unload(id);
        Files.deleteIfExists(jar);
        forget(jar);
    }

    @Override
    public void run() {
        try {
            scan();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Scanning {} failed: {}", dir, e.getMessage());
        }
    }

    synchronized void scan() throws IOException {
        Map<Path, Seen> now = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList()) {
                now.put(jar, Seen.of(jar));
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
        if (seen.equals(before) || !seen.equals(pending.put(jar, seen))) {
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

    private void remember(Path jar) throws IOException {
        pending.remove(jar);
        applied.put(jar, Seen.of(jar));
    }

    private void forget(Path jar) {
        pending.remove(jar);
        applied.remove(jar);
    }
}
