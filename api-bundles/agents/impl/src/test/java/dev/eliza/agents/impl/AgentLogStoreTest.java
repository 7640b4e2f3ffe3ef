package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentLogStoreTest {

    @Test
    void theRetentionSettingFallsBackToTheDefaultWhenAbsentOrBad() {
        assertThat(AgentLogStore.keep("5")).isEqualTo(5);
        assertThat(AgentLogStore.keep(" 42 ")).isEqualTo(42);
        assertThat(AgentLogStore.keep(null)).isEqualTo(AgentLogStore.KEEP_PER_AGENT);
        assertThat(AgentLogStore.keep("")).isEqualTo(AgentLogStore.KEEP_PER_AGENT);
        assertThat(AgentLogStore.keep("0")).isEqualTo(AgentLogStore.KEEP_PER_AGENT);
        assertThat(AgentLogStore.keep("-3")).isEqualTo(AgentLogStore.KEEP_PER_AGENT);
        assertThat(AgentLogStore.keep("lots")).isEqualTo(AgentLogStore.KEEP_PER_AGENT);
    }
}
