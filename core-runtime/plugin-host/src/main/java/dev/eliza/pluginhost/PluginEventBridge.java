package dev.eliza.pluginhost;

import java.util.List;

import dev.eliza.events.api.AgentLifecycleEvent;
import dev.eliza.events.api.AgentMessageEvent;
import dev.eliza.events.api.PlatformEvent;
import dev.eliza.events.api.PlatformEventListener;
import dev.eliza.sdk.AgentEvent;
import dev.eliza.sdk.EventListener;
import dev.eliza.sdk.MessageEvent;
import dev.eliza.sdk.PlatformUnavailableException;
import dev.eliza.sdk.PluginContext;

/**
 * One plugin's {@link EventListener}s as a single platform listener: each platform event becomes the SDK call it
 * means, made on the plugin's own threads under the route deadline, so a listener that hangs holds the event
 * bus's thread no longer than that. A listener that throws or hangs is reported in the plugin's log (and counts
 * towards failing the plugin, unless what it met was the platform being unavailable), and the plugin's other
 * listeners still hear the event.
 */
record PluginEventBridge(List<EventListener> listeners, PluginContext context, PluginCalls calls)
        implements PlatformEventListener {

    @Override
    public void on(PlatformEvent event) {
        for (EventListener listener : listeners) {
            try {
                calls.call(() -> {
                    deliver(listener, event);
                    return null;
                }, calls.settings().routeTimeout(), thrown -> !(thrown instanceof PlatformUnavailableException));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception | LinkageError e) {
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
