package dev.eliza.sdk;

import org.pf4j.ExtensionPoint;

/**
 * Reacts to what happens on the platform. Override the methods for the events you want; the others do nothing.
 * Events reach a listener one at a time, in the order they happened, on a platform thread that is not the one
 * handling the message, so a slow listener delays only itself. An exception thrown here is logged and the next
 * event is still delivered.
 *
 * <pre>{@code
 * @Extension
 * public final class Greeter implements EventListener {
 *     public void agentStarted(AgentEvent event, PluginContext context) {
 *         context.logger().log(System.Logger.Level.INFO, event.agentName() + " is up");
 *     }
 * }
 * }</pre>
 */
public interface EventListener extends ExtensionPoint {

    /** A message reached an agent (sent by a user or another agent in one of its channels). */
    default void messageReceived(MessageEvent event, PluginContext context) {
    }

    /** An agent sent a reply into a channel. */
    default void replySent(MessageEvent event, PluginContext context) {
    }

    /** An agent started running. */
    default void agentStarted(AgentEvent event, PluginContext context) {
    }

    /** An agent stopped running. */
    default void agentStopped(AgentEvent event, PluginContext context) {
    }
}
