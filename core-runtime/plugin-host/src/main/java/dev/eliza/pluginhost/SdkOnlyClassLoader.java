package dev.eliza.pluginhost;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every plugin class loader: it shows a plugin the JDK and the SDK surface (the SDK, PF4J and the
 * JAX-RS API, taken from the host bundle so that JAX-RS annotations are the ones Jersey reads) and nothing else.
 * The host bundle also sees the platform's own packages (OSGi, persistence, clear agent secrets); a plugin asking
 * for one of those gets a {@link ClassNotFoundException}.
 */
final class SdkOnlyClassLoader extends ClassLoader {
    /** The SDK surface, as package prefixes; the host bundle imports these packages (see its bnd.bnd). */
    static final List<String> SDK_PACKAGES = List.of("dev.eliza.sdk.", "org.pf4j.", "jakarta.ws.rs.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;

    SdkOnlyClassLoader(ClassLoader host) {
        super("plugin-sdk", ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        return isSdk(name) ? host.loadClass(name) : super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return isSdk(resourcePackage(name)) ? host.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return isSdk(resourcePackage(name)) ? host.getResources(name) : super.getResources(name);
    }

    private static boolean isSdk(String className) {
        return SDK_PACKAGES.stream().anyMatch(className::startsWith);
    }

    private static String resourcePackage(String resource) {
        return resource.replace('/', '.');
    }

    @Override
    public String toString() {
        return "plugin-sdk loader over " + host;
    }
}
