package dev.eliza.pluginhost;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.spi.internal.ResourceMethodInvocationHandlerProvider;
import org.pf4j.PluginClassLoader;

import dev.eliza.http.api.ApiException;
import dev.eliza.sdk.PlatformUnavailableException;
import jakarta.ws.rs.WebApplicationException;

/**
 * Runs every resource method of a plugin class on that plugin's {@link PluginCalls}, under the route deadline:
 * past it, or with all the plugin's threads taken, the client gets 503 with {@code Retry-After} in the plugin
 * routes' envelope, and Jetty's thread goes back to serving others. The plugin is found by the class loader of
 * the resource at each call, since Jersey keeps the handler it was given when a plugin stops and starts again.
 *
 * <p>Jersey takes it as a binding ({@link #binder()}) in each Jersey application serving plugin resources.
 */
final class PluginRouteInvoker implements ResourceMethodInvocationHandlerProvider {
    private final Map<ClassLoader, PluginCalls> running = new ConcurrentHashMap<>();

    void add(ClassLoader pluginLoader, PluginCalls calls) {
        running.put(pluginLoader, calls);
    }

    void remove(ClassLoader pluginLoader) {
        running.remove(pluginLoader);
    }

    /** A binding of this invoker, to register with the resources of a Jersey application. */
    Object binder() {
        PluginRouteInvoker invoker = this;
        return new AbstractBinder() {
            @Override
            protected void configure() {
                bind(invoker).to(ResourceMethodInvocationHandlerProvider.class);
            }
        };
    }

    /** A handler for the methods of plugin classes; none (Jersey's own) for the platform's resources. */
    @Override
    public InvocationHandler create(Invocable method) {
        return isPlugins(method.getHandler().getHandlerClass()) ? this::invoke : null;
    }

    private Object invoke(Object resource, Method method, Object[] args) throws Throwable {
        PluginCalls calls = running.get(resource.getClass().getClassLoader());
        if (calls == null) {
            // a stopped or disabled plugin has no routes: its mount may outlive it for a moment, its answer may not
            throw new InvocationTargetException(ApiException.notFound("NOT_FOUND",
                    "No plugin serves this route: the plugin is not running"));
        }
        try {
            return calls.call(() -> method.invoke(resource, args), calls.settings().routeTimeout(),
                    PluginRouteInvoker::isFault);
        } catch (PluginCalls.Busy | PluginCalls.TimedOut e) {
            throw new InvocationTargetException(new WebApplicationException(
                    PlatformUnavailableMapper.unavailable(e.getMessage())));
        }
    }

    /** A refusal of a client's request, or a platform module being away, is not the plugin's fault. */
    static boolean isFault(Throwable thrown) {
        Throwable cause = thrown instanceof InvocationTargetException wrapped
                ? Optional.ofNullable(wrapped.getCause()).orElse(thrown) : thrown;
        if (cause instanceof WebApplicationException refusal) {
            return refusal.getResponse().getStatus() >= 500;
        }
        return !(cause instanceof PlatformUnavailableException);
    }

    private static boolean isPlugins(Class<?> type) {
        return type != null && type.getClassLoader() instanceof PluginClassLoader;
    }
}
