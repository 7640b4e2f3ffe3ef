package dev.eliza.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.eliza.messaging.api.ChannelMessage;
import dev.eliza.messaging.api.Delivery;
import dev.eliza.models.api.ModelProviderException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class RuntimeMetersTest {
    private final Harness h = new Harness();
    private final ScriptedProvider offline = new ScriptedProvider("offline");
    private final SimpleMeterRegistry platform = new SimpleMeterRegistry();
    private UUID agent;

    @BeforeEach
    void agent() {
        h.meters.add(platform);
        h.providers.add(offline);
        agent = h.activeAgent("{\"name\":\"Eliza\"}");
    }

    private void send(String text) {
        ChannelMessage message = FakeReplies.message(UUID.randomUUID(), UUID.randomUUID(), text);
        h.messages.stored.add(message);
        Delivery delivery = h.replies.add(agent, message, 0);
        h.inbox.deliver(delivery);
    }

    private double deliveries(String state) {
        return platform.get(RuntimeMeters.DELIVERIES).tag("state", state).counter().count();
    }

    @Test
    void anAnsweredMessageIsOneTimedModelCallWithItsTokensAndAReplyDelivery() {
        send("I feel rather tired today");

        assertThat(platform.get(RuntimeMeters.MODEL_CALLS).tags("provider", "offline", "outcome", "success").timer()
                .count()).isEqualTo(1);
        assertThat(platform.get(RuntimeMeters.MODEL_TOKENS).tags("provider", "offline", "kind", "prompt").counter()
                .count()).isEqualTo("I feel rather tired today".length() / 4);
        assertThat(platform.get(RuntimeMeters.MODEL_TOKENS).tags("kind", "completion").counter().count())
                .isPositive();
        assertThat(deliveries("processing")).isEqualTo(1);
        assertThat(deliveries("replied")).isEqualTo(1);
        assertThat(platform.find(RuntimeMeters.DELIVERIES).tag("state", "failed").counter()).isNull();
    }

    @Test
    void failuresAreCountedByWhetherTheyAreRetried() {
        offline.failures.add(new ModelProviderException("503", true));
        offline.failures.add(new ModelProviderException("OPENAI_API_KEY is not set", false));

        send("hello");
        h.delayer.advance(Duration.ofSeconds(1));

        assertThat(platform.get(RuntimeMeters.MODEL_CALLS).tag("outcome", "retryable_failure").timer().count())
                .isEqualTo(1);
        assertThat(platform.get(RuntimeMeters.MODEL_CALLS).tag("outcome", "failure").timer().count()).isEqualTo(1);
        assertThat(deliveries("failed")).isEqualTo(1);
    }

    @Test
    void aStoppedMetricsBundleTakesTheRuntimesMetersWithIt() {
        send("hello");
        h.meters.remove(platform);

        assertThat(platform.getMeters()).isEmpty();
        send("hello again");
        assertThat(platform.getMeters()).isEmpty();
    }
}
