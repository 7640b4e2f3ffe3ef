package dev.eliza.pluginhost;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import dev.eliza.models.api.ModelProvider;
import dev.eliza.sdk.ModelProviderExtension;
import dev.eliza.sdk.PluginContext;

/** Registers a started plugin's model providers as {@link ModelProvider} services, withdrawn when it stops. */
final class PluginModelProviders {
    /** Below the built-in providers' default 0, so they win when a plugin claims the same ElizaOS plugin name. */
    static final int RANKING = -100;

    private PluginModelProviders() {
    }

    /**
     * Registers each of {@code extensions}, adding its unregistration to {@code started}; an invalid or repeated id
     * throws {@link IllegalStateException} (the plugin then fails and {@code started} undoes what was registered).
     */
    static void register(BundleContext context, String pluginId, List<ModelProviderExtension> extensions,
                         PluginContext pluginContext, PluginCalls calls, StartedPlugin started) {
        Set<String> ids = new HashSet<>();
        for (ModelProviderExtension extension : extensions) {
            PluginModelProvider provider = PluginModelProvider.of(pluginId, extension, pluginContext, calls);
            if (!ids.add(provider.id())) {
                throw new IllegalStateException("Two model providers of plugin " + pluginId + " are both "
                        + provider.id());
            }
            ServiceRegistration<ModelProvider> registration = context.registerService(ModelProvider.class, provider,
                    FrameworkUtil.asDictionary(Map.of("provider.id", provider.id(), "plugin.id", pluginId,
                            Constants.SERVICE_RANKING, RANKING)));
            started.added(registration::unregister);
        }
    }
}
