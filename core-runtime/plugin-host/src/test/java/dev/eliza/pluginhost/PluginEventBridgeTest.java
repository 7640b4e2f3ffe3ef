package dev.eliza.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.eliza.events.api.AgentLifecycleEvent;
import dev.eliza.events.api.AgentMessageEvent;
import dev.eliza.sdk.AgentEvent;
import dev.eliza.sdk.EventListener;
import dev.eliza.sdk.MessageEvent;
import dev.eliza.sdk.PluginContext;

class PluginEventBridgeTest {
    private final UUID agent = UUID.randomUUID();
    private final PluginContext context = HostPluginContext.of("p",
            new HostPluginContext.Services(Map.of(), new AgentsView(java.util.Optional::empty),
                    new ChannelMessagesView(java.util.Optional::empty)), null);

    @Test
    void eachPlatformEventBecomesItsSdkCallAndAFailingListenerDoesNotSilenceTheNext() {
        List<String> heard = new ArrayList<>();
        EventListener failing = new EventListener() {
            @Override
            public void agentStarted(AgentEvent event, PluginContext context) {
                throw new IllegalStateException("boom");
            }
        };
        EventListener recording = new EventListener() {
            @Override
            public void messageReceived(MessageEvent event, PluginContext context) {
                heard.add("received " + event.text());
            }

            @Override
            public void replySent(MessageEvent event, PluginContext context) {
                heard.add("sent " + event.text() + " by " + (event.authorId().equals(agent) ? "agent" : "other"));
            }

            @Override
            public void agentStarted(AgentEvent event, PluginContext context) {
                heard.add("started " + event.agentName());
            }

            @Override
            public void agentStopped(AgentEvent event, PluginContext context) {
                heard.add("stopped " + event.agentName() + " in " + context.pluginId());
            }
        };
        PluginEventBridge bridge = new PluginEventBridge(List.of(failing, recording), context);
        Instant now = Instant.now();
        bridge.on(new AgentLifecycleEvent(AgentLifecycleEvent.Change.STARTED, agent, "Ada", now));
        bridge.on(new AgentMessageEvent(AgentMessageEvent.Direction.RECEIVED, UUID.randomUUID(), agent,
                UUID.randomUUID(), UUID.randomUUID(), "hi", now));
        bridge.on(new AgentMessageEvent(AgentMessageEvent.Direction.SENT, UUID.randomUUID(), agent,
                UUID.randomUUID(), agent, "hello", now));
        bridge.on(new AgentLifecycleEvent(AgentLifecycleEvent.Change.STOPPED, agent, "Ada", now));
        assertThat(heard).containsExactly("started Ada", "received hi", "sent hello by agent", "stopped Ada in p");
    }
}
