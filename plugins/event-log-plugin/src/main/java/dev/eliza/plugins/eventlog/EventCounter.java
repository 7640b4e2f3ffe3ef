package dev.eliza.plugins.eventlog;

import java.util.Optional;
import java.util.UUID;

import org.pf4j.Extension;

import dev.eliza.sdk.AgentEvent;
import dev.eliza.sdk.EventListener;
import dev.eliza.sdk.MessageEvent;
import dev.eliza.sdk.PlatformUnavailableException;
import dev.eliza.sdk.PluginContext;

/**
 * Counts every event in the plugin's store (under {@code events.<kind>}) and, when {@code PLUGIN_EVENT_LOG_ANNOUNCE_CHANNEL}
 * names a channel, posts "<agent> is online" there as the agent that started.
 */
@Extension
public final class EventCounter implements EventListener {
    static final String PREFIX = "events.";

    @Override
    public void messageReceived(MessageEvent event, PluginContext context) {
        count(context, "messageReceived", event.agentId() + ": " + event.text());
    }

    @Override
    public void replySent(MessageEvent event, PluginContext context) {
        count(context, "replySent", event.agentId() + ": " + event.text());
    }

    @Override
    public void agentStarted(AgentEvent event, PluginContext context) {
        count(context, "agentStarted", event.agentName());
        announceChannel(context).ifPresent(channel -> {
            try {
                context.messages().send(channel, event.agentId(), event.agentName() + " is online");
            } catch (IllegalArgumentException | PlatformUnavailableException e) {
                context.logger().log(System.Logger.Level.WARNING, "Could not announce " + event.agentName()
                        + ": " + e.getMessage());
            }
        });
    }

    @Override
    public void agentStopped(AgentEvent event, PluginContext context) {
        count(context, "agentStopped", event.agentName());
    }

    private static void count(PluginContext context, String kind, String summary) {
        context.store().increment(PREFIX + kind, 1);
        context.store().put("last", kind + " " + summary);
    }

    private static Optional<UUID> announceChannel(PluginContext context) {
        return Optional.ofNullable(context.settings().get("announce_channel")).map(UUID::fromString);
    }
}
