package dev.eliza.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.eliza.events.api.AgentLifecycleEvent;
import dev.eliza.events.api.AgentMessageEvent;
import dev.eliza.sdk.AgentEvent;
import dev.eliza.sdk.EventListener;
import dev.eliza.sdk.MessageEvent;
import dev.eliza.sdk.PlatformUnavailableException;
import dev.eliza.sdk.PluginContext;

class PluginEventBridgeTest {
    private final UUID agent = UUID.randomUUID();
    private final PluginContext context = HostPluginContext.of("p",
            new HostPluginContext.Services(Map.of(), new AgentsView(java.util.Optional::empty),
                    new ChannelMessagesView(java.util.Optional::empty)), null);
    private final List<String> failures = new ArrayList<>();
    private final List<PluginCalls> started = new ArrayList<>();

    /** The plugin's call threads, each listener call cut off after {@code deadline}. */
    private PluginCalls calls(Duration deadline) {
        PluginCalls calls = PluginCalls.start("p", getClass().getClassLoader(),
                new PluginCallSettings(deadline, Duration.ofSeconds(5), 2, 2), failures::add);
        started.add(calls);
        return calls;
    }

    @AfterEach
    void stop() {
        started.forEach(PluginCalls::close);
    }

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
        PluginEventBridge bridge = new PluginEventBridge(List.of(failing, recording), context,
                calls(Duration.ofSeconds(10)));
        Instant now = Instant.now();
        bridge.on(new AgentLifecycleEvent(AgentLifecycleEvent.Change.STARTED, agent, "Ada", now));
        bridge.on(new AgentMessageEvent(AgentMessageEvent.Direction.RECEIVED, UUID.randomUUID(), agent,
                UUID.randomUUID(), UUID.randomUUID(), "hi", now));
        bridge.on(new AgentMessageEvent(AgentMessageEvent.Direction.SENT, UUID.randomUUID(), agent,
                UUID.randomUUID(), agent, "hello", now));
        bridge.on(new AgentLifecycleEvent(AgentLifecycleEvent.Change.STOPPED, agent, "Ada", now));
        assertThat(heard).containsExactly("started Ada", "received hi", "sent hello by agent", "stopped Ada in p");
    }

    @Test
    void aListenerThatHangsIsCutOffAtTheDeadlineAndFailsThePluginAtTheThreshold() {
        List<Boolean> interrupted = new ArrayList<>();
        EventListener hanging = new EventListener() {
            @Override
            public void agentStarted(AgentEvent event, PluginContext context) {
                try {
                    new java.util.concurrent.CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    synchronized (interrupted) {
                        interrupted.add(true);
                    }
                }
            }
        };
        PluginEventBridge bridge = new PluginEventBridge(List.of(hanging), context, calls(Duration.ofMillis(200)));
        AgentLifecycleEvent event = new AgentLifecycleEvent(AgentLifecycleEvent.Change.STARTED, agent, "Ada",
                Instant.now());

        long began = System.nanoTime();
        bridge.on(event);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        assertThat(failures).isEmpty();
        bridge.on(event);

        assertThat(failures).singleElement().asString().contains("2 calls in a row", "200 ms");
    }

    @Test
    void aListenerMeetingThePlatformUnavailableIsNoFaultOfThePlugin() {
        EventListener storing = new EventListener() {
            @Override
            public void agentStarted(AgentEvent event, PluginContext context) {
                throw new PlatformUnavailableException("The platform database is out of reach for now");
            }
        };
        PluginEventBridge bridge = new PluginEventBridge(List.of(storing), context, calls(Duration.ofSeconds(10)));
        AgentLifecycleEvent event = new AgentLifecycleEvent(AgentLifecycleEvent.Change.STARTED, agent, "Ada",
                Instant.now());

        for (int i = 0; i < 5; i++) {
            bridge.on(event);
        }

        assertThat(failures).isEmpty();
    }
}
