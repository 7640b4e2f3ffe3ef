package dev.eliza.pluginhost;

import java.nio.file.Path;

import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;

/**
 * PF4J over the {@code plugins/} folder, with every plugin class loader a child of an {@link SdkOnlyClassLoader}
 * over this bundle's class loader. PF4J's default parent is the loader of its own classes (the SDK bundle), which
 * cannot see JAX-RS: plugin routes would then lose their annotations and 404 without an error (ARCHITECTURE
 * decision 5); the host bundle's loader itself would show plugins the whole platform.
 */
final class HostPluginManager extends DefaultPluginManager {
    private final ClassLoader parent;

    HostPluginManager(Path pluginsDir, ClassLoader hostLoader) {
        super(pluginsDir);
        this.parent = new SdkOnlyClassLoader(hostLoader);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader().add(new HostJarPluginLoader(this, () -> parent));
    }

    /** Loads plugin jars with {@link #parent} as the parent loader. */
    private static final class HostJarPluginLoader extends JarPluginLoader {
        private final java.util.function.Supplier<ClassLoader> parent;

        HostJarPluginLoader(PluginManager manager, java.util.function.Supplier<ClassLoader> parent) {
            super(manager);
            this.parent = parent;
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
            return new PluginClassLoader(pluginManager, descriptor, parent.get());
        }
    }
}
