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
    void theRootPrefixTakesEveryPathAndLosesToAllOthers() {
        RouteTable<String> withRoot = table.with("/", "web");
        assertThat(withRoot.match("/chat/1/2")).contains("web");
        assertThat(withRoot.match("/")).contains("web");
        assertThat(withRoot.match("/api")).contains("web");
        assertThat(withRoot.match("/api/agents/1")).contains("agents");
        assertThat(RouteTable.outranks("/api/agents", "/")).isTrue();
        assertThat(RouteTable.outranks("/", "/x")).isFalse();
    }

    @Test
    void changesBuildNewTablesAndLeaveTheOldOneAlone() {
        RouteTable<String> smaller = table.without("server"::equals);
        assertThat(smaller.match("/api/server/ping")).isEmpty();
        assertThat(table.match("/api/server/ping")).contains("server");
        assertThat(smaller.exact("/api/server/modules")).contains("modules");
        assertThat(smaller.values()).containsExactlyInAnyOrder("modules", "agents");
    }

    @Test
    void wildcardAndExactPrefixesOutrankLiteralOnesOnTheirPaths() {
        RouteTable<String> plugins = RouteTable.<String>empty()
                .with("/api/plugins", "api")
                .with("/api/plugins/*$", "api-one")
                .with("/api/plugins/*/enable", "api-action")
                .with("/api/plugins/averyveryverylongpluginname", "plugin");
        assertThat(plugins.match("/api/plugins")).contains("api");
        assertThat(plugins.match("/api/plugins/averyveryverylongpluginname")).contains("api-one");
        assertThat(plugins.match("/api/plugins/averyveryverylongpluginname/enable")).contains("api-action");
        assertThat(plugins.match("/api/plugins/averyveryverylongpluginname/greeting")).contains("plugin");
        assertThat(plugins.match("/api/plugins/other/greeting")).contains("api");
        assertThat(plugins.match("/api/plugins//enable")).contains("api");
    }

    @Test
    void prefixPatternsAreValidated() {
        assertThat(ContributionMounter.isValidPrefix("/api/plugins/*/enable")).isTrue();
        assertThat(ContributionMounter.isValidPrefix("/api/plugins/*$")).isTrue();
        assertThat(ContributionMounter.isValidPrefix("/api/plug*ins")).isFalse();
        assertThat(ContributionMounter.isValidPrefix("/api/$/x")).isFalse();
        assertThat(ContributionMounter.isValidPrefix("/api/")).isFalse();
        assertThat(ContributionMounter.isValidPrefix("/")).isTrue();
        assertThat(ContributionMounter.isValidPrefix("//")).isFalse();
    }
}
