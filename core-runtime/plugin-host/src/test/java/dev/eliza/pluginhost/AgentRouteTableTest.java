package dev.eliza.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

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

    private final AgentRouteTable table = new AgentRouteTable();

    @Test
    void aSegmentBelongsToOnePluginAndARefusedPluginRegistersNothing() {
        assertThat(table.register("first", List.of(new Weather()))).isEmpty();
        assertThat(table.register("second", List.of(new Free(), new Weather())))
                .hasValueSatisfying(reason -> assertThat(reason).contains("/weather is already served by plugin first"));
        assertThat(table.segmentsOf("second")).isEmpty();
        assertThat(table.find("weather")).hasValueSatisfying(e -> assertThat(e.pluginId()).isEqualTo("first"));
        table.unregister("first");
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
