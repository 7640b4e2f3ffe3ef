package dev.eliza.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.sdk.AgentInfo;
import dev.eliza.sdk.PlatformUnavailableException;

class AgentsViewTest {
    @Test
    void pluginsSeeTheCharacterWithoutAnySecret() throws Exception {
        ObjectNode character = (ObjectNode) new ObjectMapper().readTree("{\"name\":\"Ada\",\"plugins\":[\"hello\","
                + "\"weather\"],\"secrets\":{\"TOKEN\":\"x\"},\"settings\":{\"model\":\"m\",\"secrets\":{\"KEY\":\"y\"}}}");
        UUID id = UUID.randomUUID();
        AgentInfo info = AgentsView.info(new Agent(id, true, 1, 2, character));
        assertThat(info.id()).isEqualTo(id);
        assertThat(info.name()).isEqualTo("Ada");
        assertThat(info.plugins()).containsExactly("hello", "weather");
        assertThat(info.character()).doesNotContainKey("secrets").containsKey("settings");
        assertThat(info.character().get("settings").toString()).contains("model").doesNotContain("secrets", "y");
    }

    @Test
    void withoutTheAgentsModuleACallSaysSo() {
        AgentsView view = new AgentsView(Optional::empty);
        assertThatThrownBy(view::list).isInstanceOf(PlatformUnavailableException.class)
                .hasMessageContaining("agents module");
    }
}
