package dev.eliza.pluginhost;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.http.api.ApiException;

/**
 * Keeps this node's plugins in step with the {@link PluginCatalog}, so that every node sharing the database runs
 * the plugins installed through the API of any of them. The API's installs, reloads, enables, disables and deletes
 * go to the catalog and to this node; each tick applies what other nodes did. Jars an operator drops into
 * {@code plugins/} stay this node's own. Each change this node makes to the catalog is told to the others
 * ({@code changed}), whose next tick then comes at once. What this node took from the catalog is listed in
 * {@code plugins/.catalogued}, so that a plugin deleted while the node was down is unloaded when it is back.
 */
final class CataloguedPlugins implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CataloguedPlugins.class);
    /** The generation of a plugin started from its jar with the node: taken from the catalog, no reload. */
    private static final long AT_START = -1;

    private record Applied(String sha256, long generation, boolean enabled) {
    }

    private final PluginsFolder folder;
    private final PluginHost host;
    private final PluginCatalog catalog;
    private final Consumer<String> changed;
    private final Path record;
    private final Map<String, Applied> applied = new HashMap<>();
    /** Catalogued plugins this node has a plugin of its own for, by id and digest: reported once. */
    private final Set<String> clashes = new HashSet<>();
    private boolean unreachable;

    CataloguedPlugins(Path dir, PluginsFolder folder, PluginHost host, PluginCatalog catalog,
                      Consumer<String> changed) throws IOException {
        this.folder = folder;
        this.host = host;
        this.catalog = catalog;
        this.changed = changed;
        this.record = dir.resolve(".catalogued");
        if (Files.exists(record)) {
            Properties saved = new Properties();
            try (InputStream in = Files.newInputStream(record)) {
                saved.load(in);
            }
            saved.stringPropertyNames().forEach(id -> applied.put(id,
                    new Applied(saved.getProperty(id), AT_START, true)));
        }
    }

    /** Installs the upload here (409 or 422 as {@link PluginsFolder#install}) and then for every node. */
    synchronized void install(Path upload, String id) throws IOException {
        byte[] jar = Files.readAllBytes(upload);
        String sha256 = sha256(jar);
        folder.install(upload, id);
        boolean added;
        try {
            added = catalog.add(id, jar, sha256);
        } catch (RuntimeException e) {
            folder.delete(id);
            throw e;
        }
        if (!added) {
            folder.delete(id);
            throw new ApiException(409, "PLUGIN_EXISTS", "Plugin " + id + " is already installed; reload it");
        }
        applied.put(id, new Applied(sha256, 0, true));
        save();
        changed.accept(id);
    }

    synchronized void reload(String id) throws IOException {
        folder.reload(id);
        catalog.reloaded(id).ifPresent(generation -> {
            update(id, a -> new Applied(a.sha256(), generation, a.enabled()));
            changed.accept(id);
        });
    }

    synchronized void enable(String id, boolean enabled) {
        host.require(id);
        if (applied.containsKey(id)) {
            catalog.enabled(id, enabled);
            update(id, a -> new Applied(a.sha256(), a.generation(), enabled));
            changed.accept(id);
        }
        if (enabled) {
            host.start(id);
        } else {
            host.stop(id);
        }
    }

    /** Deletes the plugin everywhere; 404 when neither this node nor the catalog has it. */
    synchronized void delete(String id) throws IOException {
        boolean catalogued = applied.remove(id) != null;
        if (catalogued) {
            catalog.remove(id);
            save();
            changed.accept(id);
        }
        if (host.has(id) || !catalogued) {
            folder.delete(id);
        }
    }

    @Override
    public synchronized void run() {
        List<PluginCatalog.Entry> entries;
        try {
            entries = catalog.entries();
        } catch (RuntimeException e) {
            if (!unreachable) {
                LOG.warn("The plugin catalog is out of reach ({}); this node's plugins stay as they are",
                        e.getMessage());
                unreachable = true;
            }
            return;
        }
        unreachable = false;
        Map<String, PluginCatalog.Entry> byId = entries.stream()
                .collect(Collectors.toMap(PluginCatalog.Entry::id, Function.identity()));
        Map<String, Applied> before = new HashMap<>(applied);
        try {
            for (PluginCatalog.Entry entry : entries) {
                follow(entry);
            }
            for (String gone : applied.keySet().stream().filter(id -> !byId.containsKey(id)).toList()) {
                applied.remove(gone);
                if (host.has(gone)) {
                    folder.delete(gone);
                    LOG.info("Plugin {} unloaded: it was deleted through another node", gone);
                }
            }
            if (!applied.equals(before)) {
                save();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Following the plugin catalog failed: {}", e.getMessage());
        }
    }

    private void follow(PluginCatalog.Entry entry) throws IOException {
        String id = entry.id();
        Applied mine = applied.get(id);
        if (mine == null || !mine.sha256().equals(entry.sha256())
                || mine.generation() == AT_START && !host.has(id)) {
            take(entry, mine);
            return;
        }
        if (mine.generation() == AT_START) {
            mine = new Applied(mine.sha256(), entry.generation(), true);
        } else if (entry.generation() > mine.generation()) {
            if (host.has(id)) {
                folder.reload(id);
                LOG.info("Plugin {} reloaded: it was reloaded through another node", id);
            }
            mine = new Applied(mine.sha256(), entry.generation(), mine.enabled());
        }
        if (entry.enabled() != mine.enabled() && host.has(id)) {
            if (entry.enabled()) {
                host.start(id);
            } else {
                host.stop(id);
            }
        }
        applied.put(id, new Applied(mine.sha256(), mine.generation(), entry.enabled()));
    }

    /** Installs the catalogued jar here; a start that fails is logged once and not retried until it changes. */
    private void take(PluginCatalog.Entry entry, Applied mine) throws IOException {
        String id = entry.id();
        if (mine == null && host.has(id)) {
            if (clashes.add(id + "@" + entry.sha256())) {
                LOG.warn("Plugin {} installed through another node is not started here: this node has a plugin of"
                        + " that id of its own", id);
            }
            return;
        }
        byte[] jar = catalog.jar(id, entry.sha256()).orElse(null);
        if (jar == null) {
            return;
        }
        if (host.has(id)) {
            folder.delete(id);
        }
        Path upload = folder.newUpload();
        try {
            Files.write(upload, jar);
            folder.install(upload, id);
            LOG.info("Plugin {} installed: it was installed through another node", id);
        } catch (ApiException e) {
            LOG.error("Plugin {} installed through another node cannot start here: {}", id, e.getMessage());
        } finally {
            Files.deleteIfExists(upload);
        }
        if (!entry.enabled() && host.has(id)) {
            host.stop(id);
        }
        applied.put(id, new Applied(entry.sha256(), entry.generation(), entry.enabled()));
    }

    private void update(String id, UnaryOperator<Applied> change) {
        applied.computeIfPresent(id, (k, a) -> change.apply(a));
    }

    /** Written aside and renamed, so a crash leaves the old list or the new one. */
    private void save() throws IOException {
        Properties saved = new Properties();
        applied.forEach((id, a) -> saved.setProperty(id, a.sha256()));
        Path next = record.resolveSibling(".catalogued.tmp");
        try (OutputStream out = Files.newOutputStream(next)) {
            saved.store(out, "plugins this node took from the catalog: id=sha256");
        }
        Files.move(next, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
