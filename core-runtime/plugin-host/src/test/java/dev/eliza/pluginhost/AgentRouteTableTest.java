package dev.eliza.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.eliza.http.api.RouteHolds;
import jakarta.ws.rs.Path;

class AgentRouteTableTest {
    @Path("/weather")
    static final class Weather {
    }

    @Path("/api")
    static final class Api {
    }

    @Path("/a/b")
    static final class TwoSegments {
    }

    private final AgentRouteTable table = new AgentRouteTable(Duration.ofSeconds(5));

    @Test
    void aSegmentBelongsToOnePluginAndARefusedPluginRegistersNothing() throws Exception {
        assertThat(table.register("first", List.of(new Weather()))).isEmpty();
        assertThat(table.register("second", List.of(new Free(), new Weather())))
                .hasValueSatisfying(reason -> assertThat(reason).contains("/weather is already served by plugin first"));
        assertThat(table.segmentsOf("second")).isEmpty();
        assertThat(table.find("weather")).hasValueSatisfying(e -> assertThat(e.pluginId()).isEqualTo("first"));
        table.unregister("first");
        assertThat(table.find("weather")).isEmpty();
    }

    @Test
    void whileAPluginReloadsALookupOfItsSegmentWaitsForTheNewVersion() throws Exception {
        table.register("first", List.of(new Weather()));
        Object newVersion = new Weather();
        CompletableFuture<Optional<AgentRouteTable.Entry>> found = new CompletableFuture<>();
        Thread finder = new Thread(() -> {
            try {
                found.complete(table.find("weather"));
            } catch (InterruptedException e) {
                found.completeExceptionally(e);
            }
        });
        try (RouteHolds.Hold hold = table.hold("first")) {
            table.unregister("first");
            finder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (finder.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(found).as("the lookup waits while the segment is held").isNotDone();
            table.register("first", List.of(newVersion));
        }
        assertThat(found.get(5, TimeUnit.SECONDS)).hasValueSatisfying(e -> assertThat(e.resource()).isSameAs(newVersion));
        table.unregister("first");
        assertThat(table.find("weather")).as("no hold: gone at once").isEmpty();
    }

    @Test
    void aHoldThatEndsWithoutTheSegmentLetsTheLookupFindNothing() throws Exception {
        table.register("first", List.of(new Weather()));
        RouteHolds.Hold hold = table.hold("first");
        table.unregister("first");
        hold.close();
        assertThat(table.find("weather")).isEmpty();
    }

    @Test
    void theApiNamespaceAndDeepClassPathsAreRefused() {
        assertThat(table.register("p", List.of(new Api()))).hasValueSatisfying(r -> assertThat(r).contains("reserved"));
        assertThat(table.register("p", List.of(new TwoSegments())))
                .hasValueSatisfying(r -> assertThat(r).contains("one-segment"));
        assertThat(table.segmentsOf("p")).isEmpty();
    }

    @Path("/free")
    static final class Free {
    }
}
