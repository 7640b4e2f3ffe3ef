package dev.eliza.http.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable<String> table = RouteTable.<String>empty()
            .with("/api/server", "server")
            .with("/api/server/modules", "modules")
            .with("/api/agents", "agents");

    @Test
    void longestPrefixWins() {
        assertThat(table.match("/api/server/modules/agents/restart")).contains("modules");
        assertThat(table.match("/api/server/ping")).contains("server");
    }

    @Test
    void prefixesMatchOnSegmentBoundariesOnly() {
        assertThat(table.match("/api/agents")).contains("agents");
        assertThat(table.match("/api/agents/1")).contains("agents");
        assertThat(table.match("/api/agentsX")).isEmpty();
        assertThat(table.match("/api")).isEmpty();
    }

    @Test
    void changesBuildNewTablesAndLeaveTheOldOneAlone() {
        RouteTable<String> smaller = table.without("server"::equals);
        assertThat(smaller.match("/api/server/ping")).isEmpty();
        assertThat(table.match("/api/server/ping")).contains("server");
        assertThat(smaller.exact("/api/server/modules")).contains("modules");
        assertThat(smaller.values()).containsExactlyInAnyOrder("modules", "agents");
    }
}
