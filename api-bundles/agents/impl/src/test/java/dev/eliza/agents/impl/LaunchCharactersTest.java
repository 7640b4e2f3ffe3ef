package dev.eliza.agents.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.impl.CharacterFiles.LaunchException;
import dev.eliza.rooms.api.ElizaIds;

class LaunchCharactersTest {
    @TempDir
    Path dir;

    private final FakeAgentDirectory agents = new FakeAgentDirectory();
    private final Set<String> marks = new HashSet<>();
    private final LaunchCharacters launch = new LaunchCharacters(agents, marks::add);

    @Test
    void aFreshDatabaseGetsTheDefaultAgentWithElizaOsIdMarkedToRun() throws Exception {
        Path eliza = file("eliza.json", "{\"name\":\"Eliza\",\"bio\":[\"hi\"],\"customField\":{\"kept\":true}}");
        List<UUID> ids = launch.apply(Optional.of(eliza), List.of());
        UUID id = ElizaIds.fromText("Eliza");
        assertThat(ids).containsExactly(id);
        assertThat(agents.activeIds()).containsExactly(id);
        assertThat(agents.find(id).orElseThrow().character().path("customField").path("kept").asBoolean()).isTrue();
    }

    @Test
    void theDefaultAgentDoesNotComeBackOnceDeletedNorJoinsAnInstallThatHasAgents() throws Exception {
        Path eliza = file("eliza.json", "{\"name\":\"Eliza\"}");
        UUID id = launch.apply(Optional.of(eliza), List.of()).get(0);
        agents.delete(id);
        assertThat(launch.apply(Optional.of(eliza), List.of())).isEmpty();
        assertThat(agents.count()).isZero();

        FakeAgentDirectory existing = new FakeAgentDirectory();
        existing.create(json("{\"name\":\"Operator's agent\"}"));
        Set<String> fresh = new HashSet<>();
        assertThat(new LaunchCharacters(existing, fresh::add).apply(Optional.of(eliza), List.of())).isEmpty();
        assertThat(existing.list()).extracting(a -> a.name()).containsExactly("Operator's agent");
        assertThat(fresh).containsExactly(LaunchCharacters.DEFAULT_AGENT_MARKER);
    }

    @Test
    void aCharacterFileUpdatesTheAgentOfTheSameNameKeepingItsId() throws Exception {
        UUID existing = agents.create(json("{\"name\":\"Ada\",\"bio\":\"old\"}")).id();
        Path ada = file("ada.json", "{\"name\":\"Ada\",\"bio\":\"new\"}");
        Path bob = file("bob.json", "{\"name\":\"Bob\"}");
        List<UUID> ids = launch.apply(Optional.empty(), List.of(ada, bob));
        assertThat(ids).containsExactly(existing, ElizaIds.fromText("Bob"));
        assertThat(agents.find(existing).orElseThrow().character().path("bio").asText()).isEqualTo("new");
        assertThat(agents.activeIds()).containsExactlyElementsOf(ids);
        assertThat(marks).isEmpty();
    }

    @Test
    void aBadFileIsNamedWithItsProblem() throws Exception {
        Path broken = file("broken.json", "{\"name\": \"X\",");
        assertThatThrownBy(() -> launch.apply(Optional.empty(), List.of(broken))).isInstanceOf(LaunchException.class)
                .hasMessageStartingWith(broken + ": not valid JSON (line 1");
        Path noName = file("noname.json", "{\"bio\":[\"x\"]}");
        assertThatThrownBy(() -> launch.apply(Optional.empty(), List.of(noName)))
                .hasMessage(noName + ": Character validation failed: name: Invalid input: expected string, received"
                        + " undefined");
        Path list = file("list.json", "[]");
        assertThatThrownBy(() -> launch.apply(Optional.empty(), List.of(list)))
                .hasMessage(list + ": a character file holds one JSON object");
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> launch.apply(Optional.empty(), List.of(missing)))
                .hasMessage(missing + ": no such character file");
        assertThat(agents.count()).isZero();
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(text);
    }
}
