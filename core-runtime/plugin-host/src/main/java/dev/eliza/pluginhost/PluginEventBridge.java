package dev.eliza.pluginhost;

import java.util.List;

import dev.eliza.events.api.AgentLifecycleEvent;
import dev.eliza.events.api.AgentMessageEvent;
import dev.eliza.events.api.PlatformEvent;
import dev.eliza.events.api.PlatformEventListener;
import dev.eliza.sdk.AgentEvent;
import dev.eliza.sdk.EventListener;
import dev.eliza.sdk.MessageEvent;
import dev.eliza.sdk.PluginContext;

/**
 * One plugin's {@link EventListener}s as a single platform listener: each platform event becomes the SDK call it
 * means. A listener that throws is reported in the plugin's log and the plugin's other listeners still hear the
 * event.
 */
record PluginEventBridge(List<EventListener> listeners, PluginContext context) implements PlatformEventListener {

    @Override
    public void on(PlatformEvent event) {
        for (EventListener listener : listeners) {
            try {
                deliver(listener, event);
            } catch (RuntimeException | LinkageError e) {
                context.logger().log(System.Logger.Level.WARNING, "Event listener "
                        + listener.getClass().getName() + " failed on " + event.getClass().getSimpleName(), e);
            }
        }
    }

    private void deliver(EventListener listener, PlatformEvent event) {
        if (event instanceof AgentMessageEvent message) {
            MessageEvent sdk = new MessageEvent(message.messageId(), message.agentId(), message.channelId(),
                    message.authorId(), message.text(), message.at());
            if (message.direction() == AgentMessageEvent.Direction.RECEIVED) {
                listener.messageReceived(sdk, context);
            } else {
                listener.replySent(sdk, context);
            }
        } else if (event instanceof AgentLifecycleEvent lifecycle) {
            AgentEvent sdk = new AgentEvent(lifecycle.agentId(), lifecycle.agentName(), lifecycle.at());
            if (lifecycle.change() == AgentLifecycleEvent.Change.STARTED) {
                listener.agentStarted(sdk, context);
            } else {
                listener.agentStopped(sdk, context);
            }
        }
    }
}
