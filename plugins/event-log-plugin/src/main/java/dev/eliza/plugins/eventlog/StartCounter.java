package dev.eliza.plugins.eventlog;

import java.time.Instant;

import org.pf4j.Extension;

import dev.eliza.sdk.PluginContext;
import dev.eliza.sdk.PluginService;

/** A plugin service: counts how often the plugin started and records when it last stopped. */
@Extension
public final class StartCounter implements PluginService {
    private PluginContext context;

    @Override
    public void start(PluginContext context) {
        this.context = context;
        context.store().increment("starts", 1);
    }

    @Override
    public void stop() {
        context.store().put("lastStop", Instant.now().toString());
    }
}
