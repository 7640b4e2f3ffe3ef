package dev.eliza.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which jars of {@code deploy/} were applied, at which size and time, to which bundle; kept in the data folder so
 * that a restart does not apply every jar again. An entry counts only while the framework still has its bundle (a
 * cleared OSGi cache forgets everything, and the jars are applied anew).
 */
final class DeployMemory {
    private static final Logger LOG = LoggerFactory.getLogger(DeployMemory.class);

    private record Entry(long size, long modified, long bundleId, String symbolicName) {
        String format() {
            return size + "," + modified + "," + bundleId + "," + symbolicName;
        }

        static Entry parse(String text) {
            String[] parts = text.split(",", 4);
            return new Entry(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3]);
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new TreeMap<>();

    private DeployMemory(Path file) {
        this.file = file;
    }

    static DeployMemory load(Path file, BundleContext context) {
        DeployMemory memory = new DeployMemory(file);
        if (!Files.exists(file)) {
            return memory;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            LOG.warn("Cannot read {}; every jar of deploy/ is applied again: {}", file, e.getMessage());
            return memory;
        }
        for (String jar : properties.stringPropertyNames()) {
            try {
                Entry entry = Entry.parse(properties.getProperty(jar));
                Bundle bundle = context.getBundle(entry.bundleId());
                if (bundle != null && entry.symbolicName().equals(bundle.getSymbolicName())) {
                    memory.entries.put(jar, entry);
                }
            } catch (RuntimeException malformed) {
                LOG.warn("Ignoring the malformed entry {} of {}", jar, file);
            }
        }
        return memory;
    }

    boolean isApplied(Path jar, long size, long modified) {
        Entry entry = entries.get(jar.getFileName().toString());
        return entry != null && entry.size() == size && entry.modified() == modified;
    }

    void remember(Path jar, long size, long modified, Bundle bundle) {
        entries.put(jar.getFileName().toString(),
                new Entry(size, modified, bundle.getBundleId(), String.valueOf(bundle.getSymbolicName())));
        save();
    }

    /** Forgets the jars that are no longer in the folder. */
    void retain(Set<Path> present) {
        Set<String> names = new java.util.HashSet<>();
        present.forEach(p -> names.add(p.getFileName().toString()));
        if (entries.keySet().retainAll(names)) {
            save();
        }
    }

    private void save() {
        Properties properties = new Properties();
        entries.forEach((jar, entry) -> properties.setProperty(jar, entry.format()));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "jars of deploy/ applied: size,modified,bundle id,symbolic name");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot write {}; deploy/ may be applied again at the next start: {}", file, e.getMessage());
        }
    }
}
