package dev.eliza.sdk.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.pf4j.Extension;

/**
 * Writes a real PF4J plugin jar from compiled classes, for tests that load it with PF4J or drop it into a running
 * server's {@code plugins/} folder:
 * {@code Path jar = PluginJar.of("weather", "1.0.0").extensions(WeatherRoutes.class).writeTo(tempDir);}
 * Each class is packed with its nested and anonymous classes; those annotated {@code @Extension} are listed in
 * {@code META-INF/extensions.idx}, as PF4J's annotation processor would list them.
 */
public final class PluginJar {
    private final String pluginId;
    private final String version;
    private final List<Class<?>> classes = new ArrayList<>();
    private final Map<String, String> manifest = new LinkedHashMap<>();

    private PluginJar(String pluginId, String version) {
        this.pluginId = pluginId;
        this.version = version;
    }

    /** A jar for plugin {@code pluginId} at {@code version} ({@code Plugin-Id} and {@code Plugin-Version}). */
    public static PluginJar of(String pluginId, String version) {
        return new PluginJar(pluginId, version);
    }

    /** Classes to pack, each with its nested classes; the {@code @Extension} ones become the plugin's extensions. */
    public PluginJar extensions(Class<?>... types) {
        classes.addAll(List.of(types));
        return this;
    }

    /** Another manifest header, for example {@code Plugin-Dependencies}. */
    public PluginJar manifest(String name, String value) {
        manifest.put(name, value);
        return this;
    }

    /** Writes {@code <pluginId>-<version>.jar} into {@code directory} and returns its path. */
    public Path writeTo(Path directory) throws IOException {
        Manifest header = new Manifest();
        header.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        header.getMainAttributes().putValue("Plugin-Id", pluginId);
        header.getMainAttributes().putValue("Plugin-Version", version);
        manifest.forEach(header.getMainAttributes()::putValue);
        Map<String, Class<?>> packed = new LinkedHashMap<>();
        classes.forEach(type -> collect(type, packed));
        Files.createDirectories(directory);
        Path jar = directory.resolve(pluginId + "-" + version + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, header)) {
            StringBuilder index = new StringBuilder();
            for (Class<?> type : packed.values()) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream bytes = type.getClassLoader().getResourceAsStream(entry)) {
                    if (bytes == null) {
                        throw new IOException("No class file for " + type.getName());
                    }
                    bytes.transferTo(out);
                }
                out.closeEntry();
                if (type.isAnnotationPresent(Extension.class)) {
                    index.append(type.getName()).append('\n');
                }
            }
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            out.write(index.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static void collect(Class<?> type, Map<String, Class<?>> packed) {
        if (packed.putIfAbsent(type.getName(), type) != null) {
            return;
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collect(nested, packed);
        }
        // Anonymous classes are numbered Outer$1, Outer$2, ... and cannot be listed through reflection.
        for (int i = 1; ; i++) {
            try {
                collect(Class.forName(type.getName() + "$" + i, false, type.getClassLoader()), packed);
            } catch (ClassNotFoundException end) {
                return;
            }
        }
    }
}
